package dev.stockade.compiler.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The iptables chains of wide grants (grants whose address ranges times port matches would be too
 * many rules), shared by the netfilter target and compose's DOCKER-USER rules. Grant {@code i}
 * gets two chains: {@code PREFIX-T0000i} goes ({@code -g}) to {@code PREFIX-W0000i} for each of
 * the grant's destinations (address and protocol), and {@code PREFIX-W0000i} returns for each of
 * its port matches; each of them ends by going on to the next grant's {@code T} chain, the last
 * by rejecting. The server's chain goes to the first {@code T} chain after its other rules.
 *
 * <p>Going, not jumping, so that a {@code RETURN} in a wide chain is the server's chain's own
 * return (the host's later rules still apply), and a packet a grant does not hold goes on to the
 * next: the grants add up even where their addresses overlap (a policy in layers). Rules grow
 * as addresses plus ports per grant, not their product; a new connection walks the wide grants'
 * address rules, as iptables walks every rule.
 */
public final class WideChains {

    /** One chain: its name and its rules, each the text after {@code -A NAME}. */
    public record Chain(String name, List<String> rules) {

        public Chain {
            rules = List.copyOf(rules);
        }
    }

    /**
     * A grant is wide when its destinations times its port matches pass this many rules (for nft,
     * set elements): a prefix of many ports with many carve-outs, or many hosts sharing many
     * ports, would grow as their product.
     */
    public static final int ABOVE = 256;

    /** One wide grant: its destination matches ({@code -d ... -p tcp}) and its port matches ({@code -p tcp -m ...}). */
    public record Grant(List<String> destinations, List<String> ports) {

        /** Destinations and port matches ({@code -m ...}) of one protocol, each port match after its {@code -p}. */
        public static Grant of(List<String> destinations, String protocol, List<String> portMatches) {
            return new Grant(destinations, portMatches.stream().map(match -> "-p " + protocol + " " + match).toList());
        }
    }

    /** Whether {@code destinations} times {@code ports} pass {@link #ABOVE}. */
    public static boolean wide(long destinations, long ports) {
        return destinations * ports > ABOVE;
    }

    private WideChains() {
    }

    /** The rule that sends the server's chain on to the wide grants, after its other rules; none without them. */
    public static List<String> entry(String prefix, List<Grant> grants) {
        return grants.isEmpty() ? List.of() : List.of("-g " + name(prefix, "T", 1));
    }

    /** The chains of these grants, in the order iptables-save lists them (by name): every T, then every W. */
    public static List<Chain> of(String prefix, List<Grant> grants, String reject) {
        List<Chain> tests = new ArrayList<>();
        List<Chain> ports = new ArrayList<>();
        for (int i = 1; i <= grants.size(); i++) {
            Grant grant = grants.get(i - 1);
            String last = i == grants.size() ? "-j REJECT --reject-with " + reject : "-g " + name(prefix, "T", i + 1);
            String portsChain = name(prefix, "W", i);
            List<String> toPorts = new ArrayList<>();
            grant.destinations().forEach(destination -> toPorts.add(destination + " -g " + portsChain));
            toPorts.add(last);
            tests.add(new Chain(name(prefix, "T", i), toPorts));
            List<String> returns = new ArrayList<>();
            grant.ports().forEach(match -> returns.add(match + " -j RETURN"));
            returns.add(last);
            ports.add(new Chain(name(prefix, "W", i), returns));
        }
        List<Chain> all = new ArrayList<>(tests);
        all.addAll(ports);
        return List.copyOf(all);
    }

    /**
     * A shell loop that runs {@code TOOL ACTION CHAIN} for every wide chain of {@code prefix} the
     * tool lists ({@code -S}): a remove command as short with a thousand wide grants as with one
     * (a file's header line holds it, and iptables-restore refuses a line of tens of kilobytes).
     */
    public static String each(String tool, String prefix, String action) {
        return "for c in $(" + tool + " -S | sed -n 's/^-N \\(" + prefix + "-[TW][0-9]*\\)$/\\1/p'); do " + tool + " "
                + action + " \"$c\"; done";
    }

    /** {@code " && "} and {@link #each}, to go on a remove command; nothing when there are no wide chains. */
    public static String andEach(String tool, String prefix, List<Chain> chains, String action) {
        return chains.isEmpty() ? "" : " && " + each(tool, prefix, action);
    }

    private static String name(String prefix, String kind, int number) {
        return prefix + "-" + kind + String.format(Locale.ROOT, "%05d", number);
    }
}

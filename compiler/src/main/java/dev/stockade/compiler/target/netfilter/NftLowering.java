package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.escape.NetfilterEscape;
import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.dsl.model.PortRange;
import java.util.ArrayList;
import java.util.List;

/**
 * One server's nft file. Every server shares one table, {@code inet stockade} (IPv4 and IPv6 in one
 * chain), whose output chain accepts established traffic first and then dispatches new connections
 * on the socket's uid through one verdict map, {@code dispatch}: O(1) in the number of servers. The
 * file owns one element of that map (its user, jumping to its chain), one chain,
 * {@code egress-SERVER}, and two named sets, {@code allow4-SERVER} and {@code allow6-SERVER}: per
 * family, every accepted destination as one element {@code ADDRESSES . PROTOCOL . PORTS} (for each
 * effective grant, each address range and each port range; a range that is one prefix written as
 * that prefix), in a concatenated set with {@code flags interval}. The chain ends with the same
 * three rules: the IPv4 lookup ({@code ip daddr . meta l4proto . th dport @allow4-SERVER accept}),
 * the IPv6 lookup, the reject. The elements are disjoint (denies are already subtracted, and within
 * a protocol no address is in two grants), so one lookup accepts exactly what one accept rule per
 * element would, and a new connection costs that lookup instead of a walk of those rules. A
 * policy in layers ({@code NetworkGrants#levels}) has a pair of sets per depth of its layers,
 * {@code allow4.LEVEL-SERVER} after the first, each disjoint within itself, looked up in turn.
 *
 * <p>Loopback destinations (within {@code 127.0.0.0/8} or {@code ::1}) are written as rules of their
 * own ahead of the lookups ({@code ip daddr 127.0.0.0/8 tcp dport 8080 accept}), up to
 * {@link #MAX_LOOPBACK_RULES} per family; a family with more keeps them all in its set. A local round
 * trip takes tens of microseconds, and the interval set's lookup about 1.3 of them (the kernel's
 * {@code pipapo}), where a few plain rules cost nothing measurable (docs/performance.md); across a
 * network the lookup is lost in the round trip. Being the same disjoint elements, they accept exactly
 * what the set would.
 *
 * <p>Named sets only, never anonymous ones ({@code daddr { a, b }}): the kernel names each
 * anonymous set by scanning every set of the table, so a fleet's shared table (about 40 sets a
 * server) loaded in time quadratic in the servers: 1,000 servers took 302 s. Two named sets a
 * server load in linear time (docs/performance.md).
 */
final class NftLowering {

    /**
     * The most loopback destinations of one family written as rules of their own, ahead of the set lookup; with more,
     * they stay in the set, so a new connection never walks more than this many rules before its lookup.
     */
    static final int MAX_LOOPBACK_RULES = 8;

    private NftLowering() {
    }

    static NftView lower(ServerContext server, NetfilterNames names, String artifactPath) {
        String user = NetfilterEscape.word(server.effective().identity().user());
        String table = NetfilterNames.NFT_TABLE;
        String map = NetfilterNames.NFT_MAP;
        String chain = NetfilterEscape.word(names.nftChain());
        String comment = NetfilterEscape.comment("stockade server " + server.name());
        String set4 = NetfilterEscape.word(names.nftSet4());
        String set6 = NetfilterEscape.word(names.nftSet6());
        List<List<NetGrant>> levels4 = EgressLowering.levels(server.effective(), false);
        List<List<NetGrant>> levels6 = EgressLowering.levels(server.effective(), true);
        List<NftView.Family> families = new ArrayList<>();
        List<NftView.Wide> wide = new ArrayList<>();
        for (int level = 0; level < levels4.size(); level++) {
            for (boolean v6 : new boolean[] {false, true}) {
                List<NetGrant> grants = (v6 ? levels6 : levels4).get(level);
                families.add(family(NetfilterEscape.word(NetfilterNames.nftSet(server.name(), v6, level)), v6,
                        grants.stream().filter(grant -> !EgressLowering.wide(grant)).toList()));
                for (NetGrant grant : grants.stream().filter(EgressLowering::wide).toList()) {
                    wide.add(wide(server.name(), v6, level, wide.size() + 1, grant));
                }
            }
        }
        List<String> lines = new ArrayList<>(List.of(
                "The IPv4 and IPv6 egress of user " + user + " (server " + server.name() + "): only what the policy allows.",
                "Table inet " + table + " is Stockade's and shared by every server: its output chain accepts established",
                "traffic, then looks the socket's uid up in map " + map + " (one lookup, however many servers).",
                "This file owns the element of user " + user + ", chain " + chain + " and the sets of the destinations it",
                "accepts, " + set4 + " and " + set6 + " (one lookup each; loopback destinations, up to eight per family,",
                "are rules of their own ahead of the lookups), and replaces them and nothing else, in one transaction.",
                "Allowed connections are accepted in this table only, so the host's own tables still apply;",
                "everything else from this user is rejected as administratively prohibited.",
                "The user must exist before loading (systemd-sysusers creates it): the name is resolved once."));
        if (levels4.size() > 1) {
            lines.addAll(List.of("The policy is in " + levels4.size() + " layers (a prefix's ports once, the ports its hosts add beside",
                    "them: as canonical entries every host would repeat the prefix's ports), so it has a pair of sets per",
                    "layer, allow4.LAYER- and allow6.LAYER- after the first, each looked up in turn."));
        }
        List<String> about = EgressLowering.comments(lines.toArray(String[]::new));
        String load = "nft -f " + ShellEscape.word(artifactPath);
        String element = "element inet " + table + " " + map + " { \"" + user + "\" }";
        StringBuilder sets = new StringBuilder();
        families.forEach(f -> sets.append("; delete set inet ").append(table).append(' ').append(f.set()));
        wide.forEach(w -> sets.append("; delete set inet ").append(table).append(' ').append(w.addresses())
                .append("; delete set inet ").append(table).append(' ').append(w.ports()));
        String remove = "nft " + ShellEscape.word("delete " + element + "; delete chain inet " + table + " " + chain + sets);
        String removeAll = "nft delete table inet " + table;
        return new NftView(Header.of(server), about, load, remove, removeAll, table, map, chain, user, comment, families, wide);
    }

    /**
     * A wide grant as two sets, its address ranges ({@code wide4.LEVEL.N-SERVER}) and its port
     * ranges ({@code ports4.LEVEL.N-SERVER}), and one rule: the elements of their product would
     * be as many as address ranges times port ranges. The dots keep the names apart from every
     * server's own (a server name has none).
     */
    private static NftView.Wide wide(String server, boolean v6, int level, int number, NetGrant grant) {
        String family = v6 ? "6" : "4";
        String suffix = family + "." + level + "." + number + "-" + server;
        String addresses = NetfilterEscape.word("wide" + suffix);
        String ports = NetfilterEscape.word("ports" + suffix);
        String protocol = grant.protocol().keyword();
        return new NftView.Wide(addresses, (v6 ? "ipv6_addr" : "ipv4_addr") + " . inet_proto",
                grant.addresses().ranges().stream().map(range -> address(range) + " . " + protocol).toList(),
                ports, grant.ports().toRanges().stream().map(range -> protocol + " . " + range.text()).toList(),
                (v6 ? "ip6" : "ip") + " daddr . meta l4proto @" + addresses + " meta l4proto . th dport @" + ports + " accept");
    }

    private static NftView.Family family(String set, boolean v6, List<NetGrant> grants) {
        Cidr loopback = v6 ? Cidr.LOOPBACK_V6 : Cidr.LOOPBACK_V4;
        String family = v6 ? "ip6" : "ip";
        List<String> elements = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<String> local = new ArrayList<>();
        for (NetGrant grant : grants) {
            String protocol = grant.protocol().keyword();
            for (IpRange range : grant.addresses().ranges()) {
                String address = address(range);
                boolean isLocal = loopback.contains(range.first()) && loopback.contains(range.last());
                for (PortRange port : grant.ports().toRanges()) {
                    String element = address + " . " + protocol + " . " + port.text();
                    all.add(element);
                    if (isLocal) {
                        local.add(family + " daddr " + address + " " + protocol + " dport " + port.text());
                    } else {
                        elements.add(element);
                    }
                }
            }
        }
        boolean rules = local.size() <= MAX_LOOPBACK_RULES;
        return new NftView.Family(set, (v6 ? "ipv6_addr" : "ipv4_addr") + " . inet_proto . inet_service",
                family + " daddr . meta l4proto . th dport", rules ? local : List.of(), rules ? elements : all);
    }

    private static String address(IpRange range) {
        return range.prefix().map(Cidr::text).orElseGet(() -> range.first().text() + "-" + range.last().text());
    }
}

package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.Ports;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.WideChains;
import dev.stockade.compiler.target.escape.NetfilterEscape;
import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One server's iptables-restore (or ip6tables-restore) file. Rules are written as iptables-save
 * lists them, so a test can find each one in the loaded ruleset.
 *
 * <p>Each accepted destination is one range of the effective address set: {@code -d PREFIX} when
 * the range is one prefix, else {@code -m iprange --dst-range FIRST-LAST}, so a carve-out costs one
 * more rule instead of a prefix per bit. The ranges are disjoint (denies are already subtracted),
 * so any order would be exact; they are written smallest first, which is longest prefix first,
 * the order a reader expects from a longest-prefix-wins policy.
 *
 * <p>A wide grant ({@link EgressLowering#wide}: address ranges times port matches would be too
 * many rules) is written as its destinations and its port matches in chains of its own, after
 * every other rule ({@link WideChains}: {@code DISPATCH-T00001}, {@code DISPATCH-W00001} and on).
 */
final class IptablesLowering {

    /** multiport matches at most 15 ports, a range counting as two. */
    static final int MULTIPORT_SLOTS = 15;

    /** By size, then first address, protocol and ports. */
    private static final Comparator<Entry> SMALLEST_FIRST = (a, b) -> {
        int order = compareSizes(a.range(), b.range());
        if (order == 0) {
            order = a.range().first().compareTo(b.range().first());
        }
        if (order == 0) {
            order = a.protocol().compareTo(b.protocol());
        }
        return order != 0 ? order : a.ports().compareTo(b.ports());
    };

    /** One accepted range, with its grant's port matches (the same for every range of the grant). */
    private record Entry(IpRange range, Protocol protocol, Ports ports, List<String> portMatches) {
    }

    private IptablesLowering() {
    }

    static IptablesView lower(ServerContext server, NetfilterNames names, boolean v6, String artifactPath,
            String otherFile) {
        String user = NetfilterEscape.word(server.effective().identity().user());
        String tool = v6 ? "ip6tables" : "iptables";
        String family = v6 ? "IPv6" : "IPv4";
        String dispatch = names.dispatchChain();
        String egress = names.egressChain();
        List<String> about = EgressLowering.comments(
                "The " + family + " egress of user " + user + " (server " + server.name()
                        + "): only what the policy allows; " + (v6 ? "IPv4" : "IPv6") + " is in " + otherFile + ".",
                "Chains " + dispatch + " and " + egress + " are Stockade's; the only other rule it adds is one jump",
                "at the top of OUTPUT. Allowed connections RETURN there, so the host's own rules still apply;",
                "everything else from this user is rejected as administratively prohibited.",
                "The user must exist before loading (systemd-sysusers creates it): the name is resolved once.");
        String load = tool + "-restore --noflush " + ShellEscape.word(artifactPath)
                + " && { " + tool + " -C OUTPUT -j " + dispatch + " 2>/dev/null || "
                + tool + " -I OUTPUT 1 -j " + dispatch + "; }";
        List<NetGrant> grants = EgressLowering.accepts(server.effective(), v6);
        String rejectWith = v6 ? "icmp6-adm-prohibited" : "icmp-admin-prohibited";
        List<WideChains.Grant> wideGrants = new ArrayList<>();
        List<NetGrant> narrow = new ArrayList<>();
        for (NetGrant grant : grants) {
            if (EgressLowering.wide(grant)) {
                wideGrants.add(WideChains.Grant.of(
                        grant.addresses().ranges().stream().map(range -> destination(range, grant.protocol())).toList(),
                        grant.protocol().keyword(), portMatches(grant.protocol(), grant.ports())));
            } else {
                narrow.add(grant);
            }
        }
        List<WideChains.Chain> wide = WideChains.of(dispatch, wideGrants, rejectWith);
        String remove = tool + " -D OUTPUT -j " + dispatch + " && " + tool + " -F " + dispatch + " && " + tool + " -F " + egress
                + WideChains.andEach(tool, dispatch, wide, "-F")
                + " && " + tool + " -X " + dispatch + " && " + tool + " -X " + egress
                + WideChains.andEach(tool, dispatch, wide, "-X");
        return new IptablesView(Header.of(server), about, load, remove, dispatch, egress, user,
                NetfilterEscape.comment("stockade server " + server.name()), rules(narrow),
                WideChains.entry(dispatch, wideGrants), wide, rejectWith);
    }

    private static List<String> rules(List<NetGrant> grants) {
        List<Entry> entries = new ArrayList<>();
        for (NetGrant grant : grants) {
            List<String> matches = portMatches(grant.protocol(), grant.ports());
            for (IpRange range : grant.addresses().ranges()) {
                entries.add(new Entry(range, grant.protocol(), grant.ports(), matches));
            }
        }
        entries.sort(SMALLEST_FIRST);
        List<String> rules = new ArrayList<>();
        for (Entry entry : entries) {
            String destination = destination(entry.range(), entry.protocol());
            for (String match : entry.portMatches()) {
                rules.add(destination + " " + match);
            }
        }
        return rules;
    }

    /** The address and protocol matches, in the order iptables-save lists them. */
    private static String destination(IpRange range, Protocol protocol) {
        Optional<Cidr> one = range.prefix();
        if (one.isPresent()) {
            Cidr prefix = one.get();
            return "-d " + prefix.network().text() + "/" + prefix.length() + " -p " + protocol.keyword();
        }
        return "-p " + protocol.keyword() + " -m iprange --dst-range " + range.first().text() + "-" + range.last().text();
    }

    /**
     * Compares {@code last - first} of two ranges with the addresses read as signed 128-bit numbers,
     * the order these files have always had: an IPv6 range from below {@code 8000::} to above it
     * has a negative size and sorts first. The difference is computed in two longs, with a borrow.
     */
    private static int compareSizes(IpRange a, IpRange b) {
        int bySign = Boolean.compare(!crossesSign(a), !crossesSign(b));
        if (bySign != 0) {
            return bySign;
        }
        int byHi = Long.compareUnsigned(sizeHi(a), sizeHi(b));
        return byHi != 0 ? byHi : Long.compareUnsigned(a.last().lo() - a.first().lo(), b.last().lo() - b.first().lo());
    }

    private static boolean crossesSign(IpRange range) {
        return range.first().hi() >= 0 && range.last().hi() < 0;
    }

    private static long sizeHi(IpRange range) {
        long borrow = Long.compareUnsigned(range.last().lo(), range.first().lo()) < 0 ? 1 : 0;
        return range.last().hi() - range.first().hi() - borrow;
    }

    /** One match per rule: {@code -m tcp --dport} for one range, multiport chunks for more. */
    static List<String> portMatches(Protocol protocol, Ports ports) {
        List<PortRange> ranges = ports.toRanges();
        List<String> out = new ArrayList<>();
        List<PortRange> chunk = new ArrayList<>();
        int slots = 0;
        for (PortRange range : ranges) {
            int weight = range.low() == range.high() ? 1 : 2;
            if (slots + weight > MULTIPORT_SLOTS) {
                out.add(match(protocol, chunk));
                chunk.clear();
                slots = 0;
            }
            chunk.add(range);
            slots += weight;
        }
        if (!chunk.isEmpty()) {
            out.add(match(protocol, chunk));
        }
        return out;
    }

    private static String match(Protocol protocol, List<PortRange> ranges) {
        List<String> texts = ranges.stream()
                .map(r -> r.low() == r.high() ? Integer.toString(r.low()) : r.low() + ":" + r.high()).toList();
        if (texts.size() == 1) {
            return "-m " + protocol.keyword() + " --dport " + texts.get(0);
        }
        return "-m multiport --dports " + String.join(",", texts);
    }
}

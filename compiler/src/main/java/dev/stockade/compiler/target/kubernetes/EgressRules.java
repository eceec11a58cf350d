package dev.stockade.compiler.target.kubernetes;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.compiler.effective.NetworkGrants;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The egress rules of a NetworkPolicy for a set of network grants. A NetworkPolicy allows the union
 * of its rules, each a set of peers times a set of ports, so the rules need not be disjoint: the
 * port space of each protocol is cut where some grant's ports start or end, each piece is open to
 * one address set, and pieces open to the same set share one rule. Each set becomes ipBlocks with
 * {@code except} lists along the policy's own prefixes ({@link IpBlocks}).
 */
final class EgressRules {

    /** One egress rule: these blocks on these ports. */
    record Rule(List<IpBlocks.Block> blocks, List<PortEntry> ports) {
    }

    /** {@code protocol: TCP, port: 8000, endPort: 8100}; {@code endPort} equals {@code port} for one port. */
    record PortEntry(Protocol protocol, int port, int endPort) {
    }

    private EgressRules() {
    }

    static List<Rule> of(NetworkGrants grants, List<NetRule> rules) {
        Map<AddressSet, List<PortEntry>> byAddresses = new LinkedHashMap<>();
        for (Protocol protocol : Protocol.values()) {
            List<NetGrant> ofProtocol = grants.effective().stream().filter(g -> g.protocol() == protocol).toList();
            List<Integer> cuts = cuts(ofProtocol);
            for (int i = 0; i + 1 < cuts.size(); i++) {
                int low = cuts.get(i);
                // The grants of one protocol hold disjoint addresses: their union is one sort of their ranges.
                List<IpRange> ranges = new ArrayList<>();
                for (NetGrant grant : ofProtocol) {
                    if (grant.ports().contains(low)) {
                        ranges.addAll(grant.addresses().ranges());
                    }
                }
                AddressSet open = AddressSet.ofRanges(ranges);
                if (!open.isEmpty()) {
                    add(byAddresses.computeIfAbsent(open, a -> new ArrayList<>()), protocol, low, cuts.get(i + 1) - 1);
                }
            }
        }
        IpBlocks tree = new IpBlocks(rules);
        List<Rule> out = new ArrayList<>();
        byAddresses.forEach((addresses, ports) -> out.add(new Rule(tree.of(addresses), List.copyOf(ports))));
        return List.copyOf(out);
    }

    /** Every port where some grant's port set starts, and every port after one ends. */
    private static List<Integer> cuts(List<NetGrant> grants) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (NetGrant grant : grants) {
            for (PortRange range : grant.ports().toRanges()) {
                cuts.add(range.low());
                cuts.add(range.high() + 1);
            }
        }
        return List.copyOf(cuts);
    }

    /** Appends a port range, joining it to the previous entry when they touch. */
    private static void add(List<PortEntry> entries, Protocol protocol, int low, int high) {
        int last = entries.size() - 1;
        if (last >= 0 && entries.get(last).protocol() == protocol && entries.get(last).endPort() + 1 == low) {
            entries.set(last, new PortEntry(protocol, entries.get(last).port(), high));
            return;
        }
        entries.add(new PortEntry(protocol, low, high));
    }
}

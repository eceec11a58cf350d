package dev.stockade.compiler.target.kubernetes;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.compiler.effective.NetworkGrants;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The egress rules of a NetworkPolicy for a set of network grants. A NetworkPolicy allows the union
 * of its rules, each a set of peers times a set of ports, so each effective grant (one protocol, one
 * port set, the addresses open on exactly those ports) is a rule as it is; a TCP and a UDP grant
 * open to the same addresses share one. The rules come in the grants' order (TCP, then UDP, each
 * by port set), and their size is that of the grants: cutting the port space into pieces and
 * opening each to the union of the grants that hold it (the first form) was pieces times grants,
 * quadratic in a policy of many allows on distinct ports. Each address set becomes ipBlocks with
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
        // The grants of one protocol hold disjoint addresses and distinct port sets, so an address
        // set is that of one grant per protocol at most.
        Map<AddressSet, List<PortEntry>> byAddresses = new LinkedHashMap<>();
        for (NetGrant grant : grants.effective()) {
            if (grant.addresses().isEmpty()) {
                continue;
            }
            List<PortEntry> ports = byAddresses.computeIfAbsent(grant.addresses(), a -> new ArrayList<>());
            for (PortRange range : grant.ports().toRanges()) {
                ports.add(new PortEntry(grant.protocol(), range.low(), range.high()));
            }
        }
        List<AddressSet> sets = new ArrayList<>(byAddresses.keySet());
        List<List<IpBlocks.Block>> blocks = new IpBlocks(rules).of(sets);
        List<Rule> out = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            out.add(new Rule(blocks.get(i), List.copyOf(byAddresses.get(sets.get(i)))));
        }
        return List.copyOf(out);
    }
}

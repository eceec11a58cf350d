package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rules (indices) written on one prefix, for {@link NetSweep}. */
record PrefixNode(Cidr prefix, List<Integer> allows, List<Integer> denies) {

    /** A deny resets the grant here, and so does an allow with it (a conflict: fail closed). */
    boolean resets() {
        return !denies.isEmpty();
    }

    /** The rules' prefixes in pre-order (parent before child, see {@link Cidr}), each with its rules. */
    static List<PrefixNode> of(List<NetRule> rules) {
        Map<Cidr, PrefixNode> byPrefix = new TreeMap<>();
        for (int i = 0; i < rules.size(); i++) {
            NetRule rule = rules.get(i);
            PrefixNode node = byPrefix.computeIfAbsent(rule.prefix(), p -> new PrefixNode(p, new ArrayList<>(), new ArrayList<>()));
            (rule instanceof NetRule.Deny ? node.denies() : node.allows()).add(i);
        }
        return List.copyOf(byPrefix.values());
    }

    /**
     * The ports a prefix's allows open there, before its enclosing prefixes' are added (denies
     * reset the grant, a conflict too: see {@link #resets}). Many allows' ports are put
     * together in one sort per protocol, not a merge per allow into a set that grows with each;
     * the enclosing grant is added once per distinct own grant (see {@link SweepFrame#with}).
     */
    Grant own(List<NetRule> rules) {
        Grant own = Grant.NONE;
        if (allows.size() <= CoveringAllows.SCAN_UP_TO) {
            for (int index : allows) {
                NetRule.Allow allow = (NetRule.Allow) rules.get(index);
                own = own.plus(allow.protocol(), allow.ports());
            }
            return own;
        }
        Map<Protocol, List<PortRange>> ranges = new EnumMap<>(Protocol.class);
        for (int index : allows) {
            NetRule.Allow allow = (NetRule.Allow) rules.get(index);
            ranges.computeIfAbsent(allow.protocol(), p -> new ArrayList<>()).addAll(allow.ports().toRanges());
        }
        for (Map.Entry<Protocol, List<PortRange>> entry : ranges.entrySet()) {
            own = own.plus(entry.getKey(), Ports.of(entry.getValue()));
        }
        return own;
    }
}

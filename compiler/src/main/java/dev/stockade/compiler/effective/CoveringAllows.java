package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allows written on one prefix, asked which of them, first in rule order, covers an allow
 * (same protocol, ports including its ports). A few allows are scanned; many are indexed on first
 * question, per protocol: each distinct port set with its first allow, the single-range sets in a
 * {@link ContainingRanges}, the others in a list scanned in rule order.
 */
final class CoveringAllows {

    /** Up to this many allows on a prefix, a scan is cheaper than an index (the usual prefix has one or two). */
    static final int SCAN_UP_TO = 8;

    private final List<NetRule> rules;
    // INVARIANT: ascending rule indices (NetSweep adds a prefix's rules in rule order), so rule
    // order is list order and "first in the list" is "least index".
    private final List<Integer> allows;
    private Map<Protocol, Index> indexed;

    CoveringAllows(List<NetRule> rules, List<Integer> allows) {
        this.rules = rules;
        this.allows = allows;
    }

    /**
     * The first of these allows that covers {@code allow}, or -1. {@code self} is the allow's own
     * index when it is one of these (-1 otherwise): then it never counts, and an allow of exactly
     * its ports counts only before it (of equal allows the first one counts).
     */
    int firstCovering(NetRule.Allow allow, int self) {
        if (allows.size() <= SCAN_UP_TO) {
            return scan(allow, self);
        }
        if (indexed == null) {
            indexed = index();
        }
        Index index = indexed.get(allow.protocol());
        return index == null ? -1 : index.firstCovering(allow.ports(), self);
    }

    private int scan(NetRule.Allow allow, int self) {
        for (int other : allows) {
            NetRule.Allow candidate = (NetRule.Allow) rules.get(other);
            boolean counts = other != self && (self < 0 || other < self || !candidate.ports().equals(allow.ports()));
            if (counts && candidate.protocol() == allow.protocol() && candidate.ports().containsAll(allow.ports())) {
                return other;
            }
        }
        return -1;
    }

    private Map<Protocol, Index> index() {
        Map<Protocol, Map<Ports, Integer>> firsts = new EnumMap<>(Protocol.class);
        for (int other : allows) {
            NetRule.Allow allow = (NetRule.Allow) rules.get(other);
            firsts.computeIfAbsent(allow.protocol(), p -> new HashMap<>()).putIfAbsent(allow.ports(), other);
        }
        Map<Protocol, Index> out = new EnumMap<>(Protocol.class);
        firsts.forEach((protocol, first) -> out.put(protocol, new Index(first)));
        return out;
    }

    /** One protocol's allows on the prefix, by distinct port set. */
    private static final class Index {
        private final Map<Ports, Integer> first;
        private final ContainingRanges singleRanges;
        /** The port sets of more than one range, in order of their first allow. */
        private final List<Ports> multiRanges = new ArrayList<>();

        Index(Map<Ports, Integer> first) {
            this.first = first;
            List<Ports> singles = new ArrayList<>();
            first.forEach((ports, allow) -> (ports.toRanges().size() == 1 ? singles : multiRanges).add(ports));
            multiRanges.sort((a, b) -> Integer.compare(first.get(a), first.get(b)));
            int[] low = singles.stream().mapToInt(ports -> ports.toRanges().get(0).low()).toArray();
            int[] high = singles.stream().mapToInt(ports -> ports.toRanges().get(0).high()).toArray();
            int[] weight = singles.stream().mapToInt(first::get).toArray();
            singleRanges = new ContainingRanges(low, high, weight);
        }

        /**
         * The least of: the first allow of exactly these ports (unless that is {@code self}: then
         * none of them is before it), and the first allow of each port set strictly wider.
         */
        int firstCovering(Ports ports, int self) {
            Integer equal = first.get(ports);
            int best = equal == null || equal == self ? ContainingRanges.NONE : equal;
            List<PortRange> ranges = ports.toRanges();
            int low = ranges.get(0).low();
            int high = ranges.get(ranges.size() - 1).high();
            if (ranges.size() == 1) {
                // Strictly wider single ranges: starting earlier, or starting alike and ending later.
                best = Math.min(best, singleRanges.leastContaining(low - 1, high));
                best = Math.min(best, singleRanges.leastContaining(low, high + 1));
            } else {
                // A single range holding the hull holds the whole set, and is never equal to it.
                best = Math.min(best, singleRanges.leastContaining(low, high));
            }
            for (Ports wider : multiRanges) {
                if (first.get(wider) >= best) {
                    break;
                }
                if (wider.containsAll(ports) && !wider.equals(ports)) {
                    best = first.get(wider);
                    break;
                }
            }
            return best == ContainingRanges.NONE ? -1 : best;
        }
    }
}

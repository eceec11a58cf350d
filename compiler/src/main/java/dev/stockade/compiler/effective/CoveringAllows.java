package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allows written on one prefix, asked which of them, first in rule order, covers an allow
 * (same protocol, ports including its ports). A few allows are scanned; many are indexed on first
 * question, per protocol: each distinct port set with its first allow, and the sets' hulls in a
 * {@link ContainingRanges} that gives, in rule order, the sets that could hold a set of ports.
 */
final class CoveringAllows {

    /** Up to this many allows on a prefix, a scan is cheaper than an index (the usual prefix has one or two). */
    static final int SCAN_UP_TO = 8;

    /**
     * How many port sets that span an allow's ports without holding them one question looks at
     * before it gives up. Whether one of many sets of ranges holds another is a subset question,
     * quadratic in general; this bound keeps each question O(log² m) and is never reached unless
     * a prefix has this many such sets for one allow.
     */
    static final int MISSES_UP_TO = 64;

    /** What {@link #firstCovering} answers when it gave up: whether another allow covers it is not known. */
    static final int UNCHECKED = -2;

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
     * The first of these allows that covers {@code allow}, or -1, or {@link #UNCHECKED} if the
     * search gave up (see {@link #MISSES_UP_TO}; when it gives up after finding an allow of exactly
     * the same ports, that one is the answer, though an earlier wider one may exist). {@code self}
     * is the allow's own index when it is one of these (-1 otherwise): then it never counts, and an
     * allow of exactly its ports counts only before it (of equal allows the first one counts).
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
        /** Each distinct port set by its first allow. */
        private final Map<Integer, Ports> byFirst = new HashMap<>();
        /** Each distinct port set's hull (its first to its last port), weighed by its first allow. */
        private final ContainingRanges hulls;

        Index(Map<Ports, Integer> first) {
            this.first = first;
            first.forEach((ports, allow) -> byFirst.put(allow, ports));
            List<Ports> sets = List.copyOf(first.keySet());
            int[] low = sets.stream().mapToInt(ports -> ports.toRanges().get(0).low()).toArray();
            int[] high = sets.stream().mapToInt(ports -> ports.toRanges().get(ports.toRanges().size() - 1).high()).toArray();
            int[] weight = sets.stream().mapToInt(first::get).toArray();
            hulls = new ContainingRanges(low, high, weight);
        }

        /**
         * The least of: the first allow of exactly these ports (unless that is {@code self}: then
         * none of them is before it), and the first allow of each port set strictly wider. Only a
         * set whose hull holds these ports' hull can be wider; such sets are visited in rule order
         * (a set of one range among them is wider at once), and after {@link #MISSES_UP_TO} that
         * are not wider the search stops: then the first allow of exactly these ports if it was
         * found, else {@link #UNCHECKED}.
         */
        int firstCovering(Ports ports, int self) {
            Integer equal = first.get(ports);
            int best = equal == null || equal == self ? ContainingRanges.NONE : equal;
            List<PortRange> ranges = ports.toRanges();
            int low = ranges.get(0).low();
            int high = ranges.get(ranges.size() - 1).high();
            int misses = 0;
            for (int candidate = hulls.leastContaining(low, high); candidate < best;
                    candidate = hulls.leastContaining(low, high, candidate)) {
                Ports wider = byFirst.get(candidate);
                if (!wider.equals(ports) && wider.containsAll(ports)) {
                    return candidate;
                }
                if (++misses > MISSES_UP_TO) {
                    return best == ContainingRanges.NONE ? UNCHECKED : best;
                }
            }
            return best == ContainingRanges.NONE ? -1 : best;
        }
    }
}

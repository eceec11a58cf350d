package dev.stockade.compiler.effective;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The size of a policy's canonical grants, added up before they are built (see {@link NetSweep}). */
final class CanonicalSize {

    private CanonicalSize() {
    }

    /**
     * Whether the regions' grants, added up once per distinct grant as {@link SweepFrame#with} makes
     * them (each at most its parent's ranges and its own), pass {@code times} times the
     * rules' own ranges and prefixes. One walk with a stack, as the sweep's.
     */
    static boolean exceeds(List<PrefixNode> nodes, Grant[] owns, int times) {
        long rules = 0;
        long regions = 0;
        Deque<Integer> open = new ArrayDeque<>();
        long[] size = new long[nodes.size()];
        Set<Map.Entry<Integer, Grant>> made = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            PrefixNode node = nodes.get(i);
            while (!open.isEmpty() && !nodes.get(open.peek()).prefix().contains(node.prefix())) {
                open.pop();
            }
            long own = owns[i].tcp().toRanges().size() + owns[i].udp().toRanges().size();
            rules += own + 1;
            Integer parent = open.peek();
            long inherited = parent == null ? 0 : size[parent];
            size[i] = node.resets() ? 0 : inherited + own;
            if (inherited == 0 || made.add(Map.entry(parent, owns[i]))) {
                regions += size[i];
            }
            open.push(i);
        }
        return regions > (long) times * rules;
    }
}

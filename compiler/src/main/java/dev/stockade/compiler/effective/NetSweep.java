package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * One pass over the rules' prefixes in pre-order (parent before child, see {@link Cidr}). Prefixes
 * never partly overlap, so a stack holds exactly the enclosing prefixes of the current one; each
 * prefix's own region (its range minus its children) is emitted with the grant that holds there.
 * Sorting is O(n log n); the walk is linear in the number of distinct prefixes. An allow is checked
 * against its own prefix and the enclosing ones (at most one per prefix length), each asked
 * through its {@link CoveringAllows} in O(log² m) for m allows there.
 *
 * <p>The regions' grants are the canonical form of the policy (see {@link NetworkGrants#effective}),
 * and each holds its enclosing prefixes' ports: hosts that each add ports of their own under a
 * prefix of many port ranges make it hosts times ranges. Before the walk the size of those grants
 * is added up (an upper bound, per distinct grant); when it passes {@link #LAYERED_ABOVE} times
 * the rules' own size, the sweep gives {@link Layer}s instead of regions: each prefix's own ports,
 * for the prefix less the prefixes inside it that deny.
 */
final class NetSweep {

    /** Addresses that all have the same grant. */
    record Region(IpRange range, Grant grant) {
    }

    /**
     * A prefix's own ports, for the prefix less the denies inside it: where they are open.
     * {@code depth}: how many prefixes with layers enclose it up to the nearest that resets. Two
     * layers of one depth never share an address (neither encloses the other, or a reset between
     * them is left out of the outer one).
     */
    record Layer(AddressSet addresses, Grant grant, int depth) {
    }

    /** Whether the sweep gives regions, layers, or decides by the size of the regions' grants. */
    enum Form { DECIDE, REGIONS, LAYERS }

    /**
     * Layers instead of regions when the regions' grants would hold more than this many times
     * the port ranges (plus one per prefix) the rules write: never for a policy that does not
     * repeat a wide port set under many prefixes that each add to it.
     */
    static final int LAYERED_ABOVE = 8;

    private final List<NetRule> rules;
    private final boolean layered;
    private final List<Region> regions = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Redundancy> redundant = new ArrayList<>();
    private final List<Integer> unchecked = new ArrayList<>();
    private final Deque<SweepFrame> stack = new ArrayDeque<>();

    private NetSweep(List<NetRule> rules, boolean layered) {
        this.rules = rules;
        this.layered = layered;
    }

    static NetSweep run(List<NetRule> rules) {
        return run(rules, Form.DECIDE);
    }

    static NetSweep run(List<NetRule> rules, Form form) {
        List<PrefixNode> nodes = PrefixNode.of(rules);
        Grant[] owns = new Grant[nodes.size()];
        for (int i = 0; i < owns.length; i++) {
            owns[i] = nodes.get(i).resets() ? Grant.NONE : nodes.get(i).own(rules);
        }
        boolean layered = form == Form.LAYERS || form == Form.DECIDE && CanonicalSize.exceeds(nodes, owns, LAYERED_ABOVE);
        NetSweep sweep = new NetSweep(rules, layered);
        for (int i = 0; i < owns.length; i++) {
            sweep.visit(nodes.get(i), owns[i]);
        }
        while (!sweep.stack.isEmpty()) {
            sweep.close(sweep.stack.pop());
        }
        sweep.redundant.sort((a, b) -> Integer.compare(a.rule(), b.rule()));
        sweep.unchecked.sort(null);
        return sweep;
    }

    /** Whether this sweep gave layers (and no regions). */
    boolean layered() {
        return layered;
    }

    List<Region> regions() {
        return List.copyOf(regions);
    }

    List<Layer> layers() {
        return List.copyOf(layers);
    }

    List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    List<Redundancy> redundant() {
        return List.copyOf(redundant);
    }

    /** Allows (indices, ascending) whose search for a covering allow gave up: see {@link CoveringAllows#MISSES_UP_TO}. */
    List<Integer> unchecked() {
        return List.copyOf(unchecked);
    }

    private void visit(PrefixNode node, Grant own) {
        while (!stack.isEmpty() && !stack.peek().node.prefix().contains(node.prefix())) {
            close(stack.pop());
        }
        SweepFrame parent = stack.peek();
        if (parent != null) {
            Ip first = node.prefix().first();
            if (parent.cursor.compareTo(first) < 0) {
                emit(parent.cursor, IpMath.previous(first), parent.grant);
            }
            Ip last = node.prefix().last();
            parent.cursor = IpMath.isLast(last) ? null : IpMath.next(last);
        }
        Grant grant = layered || node.resets() ? Grant.NONE : parent == null ? own : parent.with(own);
        SweepFrame frame = new SweepFrame(node, own, grant, new CoveringAllows(rules, node.allows()), parent);
        if (layered && node.resets()) {
            // Every enclosing prefix's layer leaves this one out, up to the nearest that resets too.
            for (SweepFrame enclosing : stack) {
                if (enclosing.node.resets()) {
                    break;
                }
                enclosing.reset(node.prefix());
            }
        }
        checkRedundancy(frame);
        stack.push(frame);
    }

    private void close(SweepFrame frame) {
        if (layered && !frame.node.resets()) {
            layers.add(frame.layer());
        }
        Ip last = frame.node.prefix().last();
        if (frame.cursor != null && frame.cursor.compareTo(last) <= 0) {
            emit(frame.cursor, last, frame.grant);
        }
    }

    private void emit(Ip first, Ip last, Grant grant) {
        if (!grant.isEmpty()) {
            regions.add(new Region(new IpRange(first, last), grant));
        }
    }

    private void checkRedundancy(SweepFrame frame) {
        PrefixNode node = frame.node;
        List<Integer> denies = node.denies();
        if (denies.isEmpty()) {
            node.allows().forEach(allow -> checkAllow(frame, allow));
            return;
        }
        denies.stream().skip(1).forEach(later -> redundant.add(Redundancy.coveredBy(later, denies.get(0))));
        if (!node.allows().isEmpty()) {
            conflicts.add(new Conflict(node.allows(), denies));
            return;
        }
        SweepFrame enclosing = stack.peek();
        if (enclosing == null) {
            redundant.add(Redundancy.defaultDeny(denies.get(0)));
        } else if (enclosing.node.resets()) {
            redundant.add(Redundancy.coveredBy(denies.get(0), enclosing.node.denies().get(0)));
        }
    }

    /**
     * An allow is covered by one on its own or an enclosing prefix, up to the nearest deny: the
     * first in rule order on its own prefix, else on the nearest enclosing prefix that has one.
     * If a prefix's search gave up before that was known, the allow is unchecked.
     */
    private void checkAllow(SweepFrame own, int index) {
        NetRule.Allow allow = (NetRule.Allow) rules.get(index);
        int other = own.allows.firstCovering(allow, index);
        for (Iterator<SweepFrame> up = stack.iterator(); other == -1 && up.hasNext(); ) {
            SweepFrame frame = up.next();
            if (frame.node.resets()) {
                return;
            }
            other = frame.allows.firstCovering(allow, -1);
        }
        if (other == CoveringAllows.UNCHECKED) {
            unchecked.add(index);
        } else if (other >= 0) {
            redundant.add(Redundancy.coveredBy(index, other));
        }
    }
}

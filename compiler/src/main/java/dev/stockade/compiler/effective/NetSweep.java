package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pass over the rules' prefixes in pre-order (parent before child, see {@link Cidr}). Prefixes
 * never partly overlap, so a stack holds exactly the enclosing prefixes of the current one; each
 * prefix's own region (its range minus its children) is emitted with the grant that holds there.
 * Sorting is O(n log n); the walk is linear in the number of distinct prefixes. An allow is checked
 * against its own prefix and the enclosing ones (at most one per prefix length), each asked
 * through its {@link CoveringAllows} in O(log² m) for m allows there, plus a scan of the port sets
 * of more than one range written there.
 */
final class NetSweep {

    /** Addresses that all have the same grant. */
    record Region(IpRange range, Grant grant) {
    }

    /** The rules (indices) written on one prefix. */
    private record Node(Cidr prefix, List<Integer> allows, List<Integer> denies) {
    }

    /**
     * An open enclosing prefix. {@code cursor} is its first address not yet emitted; past its
     * last address (or null at the family's end) once a child reached its end.
     */
    private static final class Frame {
        final Node node;
        final Grant grant;
        final CoveringAllows allows;
        Ip cursor;
        /** The grants of children so far, by their own grant; null until a child adds to a grant. */
        private Map<Grant, Grant> children;

        Frame(Node node, Grant grant, CoveringAllows allows) {
            this.node = node;
            this.grant = grant;
            this.allows = allows;
            this.cursor = node.prefix().first();
        }

        /**
         * This grant and a child's own, made once per distinct own grant: hosts under a prefix
         * that add the same ports share one grant, so a wide port set is not copied per host.
         */
        Grant with(Grant own) {
            if (grant.isEmpty()) {
                return own;
            }
            if (children == null) {
                children = new HashMap<>();
            }
            return children.computeIfAbsent(own, grant::union);
        }
    }

    private final List<NetRule> rules;
    private final List<Region> regions = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Redundancy> redundant = new ArrayList<>();
    private final List<Integer> unchecked = new ArrayList<>();
    private final Deque<Frame> stack = new ArrayDeque<>();

    private NetSweep(List<NetRule> rules) {
        this.rules = rules;
    }

    static NetSweep run(List<NetRule> rules) {
        NetSweep sweep = new NetSweep(rules);
        nodes(rules).forEach(sweep::visit);
        while (!sweep.stack.isEmpty()) {
            sweep.close(sweep.stack.pop());
        }
        sweep.redundant.sort((a, b) -> Integer.compare(a.rule(), b.rule()));
        sweep.unchecked.sort(null);
        return sweep;
    }

    List<Region> regions() {
        return List.copyOf(regions);
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

    private static List<Node> nodes(List<NetRule> rules) {
        Map<Cidr, Node> byPrefix = new TreeMap<>();
        for (int i = 0; i < rules.size(); i++) {
            NetRule rule = rules.get(i);
            Node node = byPrefix.computeIfAbsent(rule.prefix(), p -> new Node(p, new ArrayList<>(), new ArrayList<>()));
            (rule instanceof NetRule.Deny ? node.denies() : node.allows()).add(i);
        }
        return List.copyOf(byPrefix.values());
    }

    private void visit(Node node) {
        while (!stack.isEmpty() && !stack.peek().node.prefix().contains(node.prefix())) {
            close(stack.pop());
        }
        Frame parent = stack.peek();
        if (parent != null) {
            Ip first = node.prefix().first();
            if (parent.cursor.compareTo(first) < 0) {
                emit(parent.cursor, IpMath.previous(first), parent.grant);
            }
            Ip last = node.prefix().last();
            parent.cursor = IpMath.isLast(last) ? null : IpMath.next(last);
        }
        Frame frame = new Frame(node, grantOf(node, parent), new CoveringAllows(rules, node.allows()));
        checkRedundancy(frame);
        stack.push(frame);
    }

    /**
     * Denies reset the grant (a conflict too: fail closed); allows add to the enclosing grant. A
     * prefix's own ports are put together first, for many allows in one sort per protocol (not a
     * merge per allow into a set that grows with each), then added to the enclosing grant once per
     * distinct own grant (see {@link Frame#with}).
     */
    private Grant grantOf(Node node, Frame parent) {
        if (!node.denies().isEmpty()) {
            return Grant.NONE;
        }
        Grant own = Grant.NONE;
        if (node.allows().size() <= CoveringAllows.SCAN_UP_TO) {
            for (int index : node.allows()) {
                NetRule.Allow allow = (NetRule.Allow) rules.get(index);
                own = own.plus(allow.protocol(), allow.ports());
            }
        } else {
            Map<Protocol, List<PortRange>> ranges = new EnumMap<>(Protocol.class);
            for (int index : node.allows()) {
                NetRule.Allow allow = (NetRule.Allow) rules.get(index);
                ranges.computeIfAbsent(allow.protocol(), p -> new ArrayList<>()).addAll(allow.ports().toRanges());
            }
            for (Map.Entry<Protocol, List<PortRange>> entry : ranges.entrySet()) {
                own = own.plus(entry.getKey(), Ports.of(entry.getValue()));
            }
        }
        return parent == null ? own : parent.with(own);
    }

    private void close(Frame frame) {
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

    private void checkRedundancy(Frame frame) {
        Node node = frame.node;
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
        Frame enclosing = stack.peek();
        if (enclosing == null) {
            redundant.add(Redundancy.defaultDeny(denies.get(0)));
        } else if (!enclosing.node.denies().isEmpty()) {
            redundant.add(Redundancy.coveredBy(denies.get(0), enclosing.node.denies().get(0)));
        }
    }

    /**
     * An allow is covered by one on its own or an enclosing prefix, up to the nearest deny: the
     * first in rule order on its own prefix, else on the nearest enclosing prefix that has one.
     * If a prefix's search gave up before that was known, the allow is unchecked.
     */
    private void checkAllow(Frame own, int index) {
        NetRule.Allow allow = (NetRule.Allow) rules.get(index);
        int other = own.allows.firstCovering(allow, index);
        for (Iterator<Frame> up = stack.iterator(); other == -1 && up.hasNext(); ) {
            Frame frame = up.next();
            if (!frame.node.denies().isEmpty()) {
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

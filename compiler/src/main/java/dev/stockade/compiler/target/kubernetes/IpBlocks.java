package dev.stockade.compiler.target.kubernetes;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * An address set as NetworkPolicy ipBlocks: a {@code cidr} with an {@code except} list of prefixes
 * inside it. The blocks follow the prefixes the policy names: those nest or are apart, so they form
 * a tree, and every address of one node that no child holds (its region) is decided by the same
 * rules, so it is wholly in or out of a set built from them. A region in the set opens a block at
 * its node unless an enclosing block already holds it; a region out of the set inside a block is an
 * {@code except}, and a region in the set inside an except opens a block of its own. So a deny
 * carved out of an allow becomes that allow's except, and an allow re-opened inside a deny its own
 * block. The result is checked against the set; if it ever differed, the set's minimal prefixes
 * (without excepts) are used instead, which are always exact.
 */
final class IpBlocks {

    /** {@code ipBlock: {cidr, except}}. */
    record Block(Cidr cidr, List<Cidr> except) {
    }

    private static final class Node {
        final Cidr prefix;
        final List<Node> children = new ArrayList<>();
        /** The node's addresses that no child holds; set once the tree is complete. */
        AddressSet region;

        Node(Cidr prefix) {
            this.prefix = prefix;
        }
    }

    // The tree and its regions depend only on the rules, so one policy's sets all share them.
    private final List<Node> roots;

    /** The prefix tree of the policy's rules, built once for every address set lowered against it. */
    IpBlocks(List<NetRule> rules) {
        TreeSet<Cidr> prefixes = new TreeSet<>();
        rules.forEach(rule -> prefixes.add(rule.prefix()));
        this.roots = forest(prefixes);
        roots.forEach(IpBlocks::computeRegions);
    }

    /** The set as blocks along the tree; the set's minimal prefixes if the blocks ever differed from it. */
    List<Block> of(AddressSet set) {
        List<Block> blocks = new ArrayList<>();
        for (Node root : roots) {
            walk(root, null, set, blocks);
        }
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            out.add(new Block(block.cidr(), List.copyOf(block.except())));
        }
        if (covered(out).equals(set)) {
            return List.copyOf(out);
        }
        List<Block> exact = new ArrayList<>();
        for (Cidr prefix : set.toPrefixes()) {
            exact.add(new Block(prefix, List.of()));
        }
        return List.copyOf(exact);
    }

    /** The prefixes as trees; the set's order (family, address, length) lists a parent before its children. */
    private static List<Node> forest(TreeSet<Cidr> prefixes) {
        List<Node> roots = new ArrayList<>();
        Deque<Node> open = new ArrayDeque<>();
        for (Cidr prefix : prefixes) {
            while (!open.isEmpty() && !open.peek().prefix.contains(prefix)) {
                open.pop();
            }
            Node node = new Node(prefix);
            (open.isEmpty() ? roots : open.peek().children).add(node);
            open.push(node);
        }
        return roots;
    }

    private static void computeRegions(Node node) {
        List<Cidr> inner = new ArrayList<>(node.children.size());
        for (Node child : node.children) {
            computeRegions(child);
            inner.add(child.prefix);
        }
        node.region = minus(node.prefix, inner);
    }

    /** The addresses of {@code prefix} outside all of {@code inner}, in one subtraction. */
    private static AddressSet minus(Cidr prefix, List<Cidr> inner) {
        if (inner.isEmpty()) {
            return AddressSet.of(prefix);
        }
        List<IpRange> ranges = new ArrayList<>(inner.size());
        for (Cidr cidr : inner) {
            ranges.add(cidr.range());
        }
        return AddressSet.of(prefix).minus(AddressSet.ofRanges(ranges));
    }

    private static void walk(Node node, Block enclosing, AddressSet set, List<Block> blocks) {
        Block inside = enclosing;
        if (!node.region.isEmpty()) {
            if (set.containsAll(node.region)) {
                if (inside == null) {
                    inside = new Block(node.prefix, new ArrayList<>());
                    blocks.add(inside);
                }
            } else {
                if (inside != null) {
                    inside.except().add(node.prefix);
                }
                inside = null;
            }
        }
        for (Node child : node.children) {
            walk(child, inside, set, blocks);
        }
    }

    /** The addresses the blocks allow: each cidr less its excepts, together. */
    static AddressSet covered(List<Block> blocks) {
        List<IpRange> ranges = new ArrayList<>();
        for (Block block : blocks) {
            ranges.addAll(minus(block.cidr(), block.except()).ranges());
        }
        return AddressSet.ofRanges(ranges);
    }
}

package dev.stockade.compiler.target.kubernetes;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.dsl.model.Ip;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Address sets as NetworkPolicy ipBlocks: a {@code cidr} with an {@code except} list of prefixes
 * inside it. The blocks follow the prefixes the policy names: those nest or are apart, so they form
 * a tree, and every address of one node that no child holds (its region) is decided by the same
 * rules, so it is wholly in or out of a set built from them. A region in the set opens a block at
 * its node unless an enclosing block already holds it; a region out of the set inside a block is an
 * {@code except}, and a region in the set inside an except opens a block of its own. So a deny
 * carved out of an allow becomes that allow's except, and an allow re-opened inside a deny its own
 * block. Each result is checked against its set; if it ever differed, the set's minimal prefixes
 * (without excepts) are used instead, which are always exact.
 *
 * <p>All the sets of a policy are lowered in one walk of the tree: at each node only the sets that
 * hold its region's first address can hold the region, and those are found by a binary search
 * (a walk of the whole tree per set made a policy with thousands of allows on distinct ports
 * quadratic).
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

    /** A block opened for set {@code set} at an ancestor, still enclosing the walk. */
    private record Open(int set, Block block) {
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

    /**
     * Each set as blocks along the tree, in the order of {@code sets}; a set's minimal prefixes if
     * its blocks ever differed from it. The sets may overlap.
     */
    List<List<Block>> of(List<AddressSet> sets) {
        List<List<Block>> blocks = walked(sets);
        List<List<Block>> out = new ArrayList<>(sets.size());
        for (int s = 0; s < sets.size(); s++) {
            out.add(checked(blocks.get(s), sets.get(s)));
        }
        return out;
    }

    /** The blocks the walk gives each set, before the check (package-private for the tests). */
    List<List<Block>> walked(List<AddressSet> sets) {
        Holders holders = new Holders(sets);
        List<List<Block>> blocks = new ArrayList<>(sets.size());
        for (int s = 0; s < sets.size(); s++) {
            blocks.add(new ArrayList<>());
        }
        for (Node root : roots) {
            walk(root, List.of(), sets, holders, blocks);
        }
        return blocks;
    }

    /** The blocks, immutable, if they allow exactly {@code set}; else the set's minimal prefixes. */
    private static List<Block> checked(List<Block> blocks, AddressSet set) {
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

    /**
     * {@code inside} holds the blocks that enclose {@code node}, one per set at most. A node with a
     * region decides afresh: the sets that hold the region keep their block or open one here, and
     * every other enclosing block excepts the node. A node without a region (its children cover it)
     * passes the enclosing blocks on.
     */
    private static void walk(Node node, List<Open> inside, List<AddressSet> sets, Holders holders, List<List<Block>> blocks) {
        List<Open> state = inside;
        if (!node.region.isEmpty()) {
            List<Integer> holding = holders.holding(node.region, sets);
            state = new ArrayList<>(holding.size());
            for (Open open : inside) {
                if (!holding.contains(open.set())) {
                    open.block().except().add(node.prefix);
                }
            }
            for (int set : holding) {
                Open open = find(inside, set);
                if (open == null) {
                    open = new Open(set, new Block(node.prefix, new ArrayList<>()));
                    blocks.get(set).add(open.block());
                }
                state.add(open);
            }
        }
        for (Node child : node.children) {
            walk(child, state, sets, holders, blocks);
        }
    }

    private static Open find(List<Open> opens, int set) {
        for (Open open : opens) {
            if (open.set() == set) {
                return open;
            }
        }
        return null;
    }

    /**
     * Every range of every set with its set's index, in layers of disjoint ranges sorted by
     * address (each range in the first layer whose last range ends before it starts, so there are
     * as many layers as ranges overlap at one address: the sets of one protocol are disjoint, so
     * Kubernetes' egress needs two). Which sets hold an address is then a binary search per layer.
     */
    private static final class Holders {
        private record Entry(IpRange range, int set) {
        }

        /** Disjoint ranges in address order, and the index of each one's set. */
        private record Layer(List<IpRange> ranges, List<Integer> sets) {
        }

        private final List<Layer> layers = new ArrayList<>();

        Holders(List<AddressSet> sets) {
            List<Entry> all = new ArrayList<>();
            for (int s = 0; s < sets.size(); s++) {
                for (IpRange range : sets.get(s).ranges()) {
                    all.add(new Entry(range, s));
                }
            }
            all.sort(Comparator.comparing((Entry e) -> e.range().first()));
            for (Entry entry : all) {
                Layer free = null;
                for (Layer layer : layers) {
                    if (layer.ranges().get(layer.ranges().size() - 1).last().compareTo(entry.range().first()) < 0) {
                        free = layer;
                        break;
                    }
                }
                if (free == null) {
                    free = new Layer(new ArrayList<>(), new ArrayList<>());
                    layers.add(free);
                }
                free.ranges().add(entry.range());
                free.sets().add(entry.set());
            }
        }

        /** The indices of the sets that hold all of {@code region}, ascending. */
        List<Integer> holding(AddressSet region, List<AddressSet> sets) {
            Ip first = region.ranges().get(0).first();
            List<Integer> out = new ArrayList<>(2);
            for (Layer layer : layers) {
                int at = IpRange.firstEndingFrom(layer.ranges(), first);
                if (at == layer.ranges().size() || layer.ranges().get(at).first().compareTo(first) > 0) {
                    continue;
                }
                int set = layer.sets().get(at);
                if (!out.contains(set) && sets.get(set).containsAll(region)) {
                    out.add(set);
                }
            }
            out.sort(null);
            return out;
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

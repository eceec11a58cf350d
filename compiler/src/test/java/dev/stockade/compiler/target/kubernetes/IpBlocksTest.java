package dev.stockade.compiler.target.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.dsl.model.Ip;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link IpBlocks} lowers all of a policy's sets in one walk; the oracle here is the walk it
 * replaced, one whole walk of the tree per set, written out again below. On random nests of IPv4
 * and IPv6 prefixes and random sets (some overlapping, as a TCP and a UDP grant may), both give the
 * same blocks and excepts in the same order, and a set built from the policy's own prefixes is
 * lowered exactly without the fallback to minimal prefixes.
 */
class IpBlocksTest {

    @Test
    void oneWalkForAllSetsGivesWhatAWalkPerSetGave() {
        Random random = new Random(20261129);
        int exactWithoutFallback = 0;
        for (int round = 0; round < 2_000; round++) {
            List<Cidr> prefixes = randomPrefixes(random, 1 + random.nextInt(24));
            List<NetRule> rules = prefixes.stream().<NetRule>map(NetRule.Deny::new).toList();
            List<AddressSet> sets = new ArrayList<>();
            for (int s = random.nextInt(5); s >= 0; s--) {
                sets.add(random.nextInt(4) == 0 ? randomRanges(random) : fromPrefixes(random, prefixes));
            }
            IpBlocks blocks = new IpBlocks(rules);
            List<List<IpBlocks.Block>> walked = blocks.walked(sets);
            List<List<IpBlocks.Block>> lowered = blocks.of(sets);
            for (int s = 0; s < sets.size(); s++) {
                AddressSet set = sets.get(s);
                assertThat(walked.get(s)).as("round %d, set %s over %s", round, set, prefixes)
                        .isEqualTo(Reference.blocks(prefixes, set));
                assertThat(IpBlocks.covered(lowered.get(s))).isEqualTo(set);
                if (IpBlocks.covered(walked.get(s)).equals(set)) {
                    assertThat(lowered.get(s)).isEqualTo(walked.get(s));
                    exactWithoutFallback++;
                }
            }
        }
        // Sets made of the policy's prefixes are always exact: most sets never need the fallback.
        assertThat(exactWithoutFallback).isGreaterThan(3_000);
    }

    @Test
    void aDenyCarvedOutOfAnAllowIsItsExcept() {
        Cidr allow = Cidr.parse("198.51.100.32/28").orElseThrow();
        Cidr deny = Cidr.parse("198.51.100.46/32").orElseThrow();
        AddressSet open = AddressSet.of(allow).minus(AddressSet.of(deny));
        List<List<IpBlocks.Block>> lowered = new IpBlocks(List.of(new NetRule.Deny(allow), new NetRule.Deny(deny)))
                .of(List.of(open, AddressSet.of(deny)));
        assertThat(lowered.get(0)).containsExactly(new IpBlocks.Block(allow, List.of(deny)));
        assertThat(lowered.get(1)).containsExactly(new IpBlocks.Block(deny, List.of()));
    }

    /** Prefixes inside 198.51.100.0/24 and 2001:db8::/120, so that many nest. */
    private static List<Cidr> randomPrefixes(Random random, int count) {
        TreeSet<Cidr> out = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            boolean v6 = random.nextInt(3) == 0;
            int host = random.nextInt(256);
            Ip ip = Ip.parse(v6 ? "2001:db8::" + Integer.toHexString(host) : "198.51.100." + host).orElseThrow();
            out.add(Cidr.containing(ip, ip.bits() - random.nextInt(9)));
        }
        return List.copyOf(out);
    }

    /** Some of the prefixes less some others: a union of the tree's regions. */
    private static AddressSet fromPrefixes(Random random, List<Cidr> prefixes) {
        AddressSet set = AddressSet.empty();
        for (Cidr prefix : prefixes) {
            if (random.nextBoolean()) {
                set = set.union(AddressSet.of(prefix));
            }
        }
        for (Cidr prefix : prefixes) {
            if (random.nextInt(4) == 0) {
                set = set.minus(AddressSet.of(prefix));
            }
        }
        return set;
    }

    /** A few ranges that need not follow any prefix (the fallback's case). */
    private static AddressSet randomRanges(Random random) {
        List<IpRange> ranges = new ArrayList<>();
        for (int i = random.nextInt(3); i >= 0; i--) {
            int first = random.nextInt(256);
            int last = Math.min(255, first + random.nextInt(40));
            ranges.add(new IpRange(Ip.parse("198.51.100." + first).orElseThrow(), Ip.parse("198.51.100." + last).orElseThrow()));
        }
        return AddressSet.ofRanges(ranges);
    }

    /** The walk per set that IpBlocks did before it lowered every set in one walk. */
    private static final class Reference {
        private static final class Node {
            final Cidr prefix;
            final List<Node> children = new ArrayList<>();
            AddressSet region;

            Node(Cidr prefix) {
                this.prefix = prefix;
            }
        }

        static List<IpBlocks.Block> blocks(List<Cidr> prefixes, AddressSet set) {
            List<Node> roots = new ArrayList<>();
            Deque<Node> open = new ArrayDeque<>();
            for (Cidr prefix : new TreeSet<>(prefixes)) {
                while (!open.isEmpty() && !open.peek().prefix.contains(prefix)) {
                    open.pop();
                }
                Node node = new Node(prefix);
                (open.isEmpty() ? roots : open.peek().children).add(node);
                open.push(node);
            }
            roots.forEach(Reference::region);
            List<IpBlocks.Block> blocks = new ArrayList<>();
            for (Node root : roots) {
                walk(root, null, set, blocks);
            }
            return blocks;
        }

        private static void region(Node node) {
            AddressSet region = AddressSet.of(node.prefix);
            for (Node child : node.children) {
                region(child);
                region = region.minus(AddressSet.of(child.prefix));
            }
            node.region = region;
        }

        private static void walk(Node node, IpBlocks.Block enclosing, AddressSet set, List<IpBlocks.Block> blocks) {
            IpBlocks.Block inside = enclosing;
            if (!node.region.isEmpty()) {
                if (set.containsAll(node.region)) {
                    if (inside == null) {
                        inside = new IpBlocks.Block(node.prefix, new ArrayList<>());
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
    }
}

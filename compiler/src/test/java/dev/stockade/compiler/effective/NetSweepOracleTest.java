package dev.stockade.compiler.effective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link NetSweep} asks each prefix's {@link CoveringAllows} which allow covers another, and puts
 * the ports of many allows on one prefix together in one sort; the oracle here is the sweep it
 * replaced, which compared an allow with every allow on its prefix and on each enclosing prefix
 * and merged ports allow by allow, written out again below. On random rules (up to hundreds of
 * allows on a few prefixes, many hosts under them, port sets of one range and of several, equal
 * ones repeated, denies between) both give the same regions, conflicts and redundancies, each
 * covered by the same rule.
 */
class NetSweepOracleTest {

    @Test
    void indexedCoverReportsWhatThePairwiseScanReported() {
        Random random = new Random(20261129);
        int covered = 0;
        int indexed = 0;
        for (int round = 0; round < 3_000; round++) {
            List<NetRule> rules = randomRules(random, round % 5 == 0 ? 1 + random.nextInt(400) : 1 + random.nextInt(40));
            NetSweep sweep = NetSweep.run(List.copyOf(rules));
            Reference reference = Reference.run(rules);
            assertThat(sweep.redundant()).as("round %d: %s", round, rules).isEqualTo(reference.redundant);
            assertThat(sweep.conflicts()).as("round %d", round).isEqualTo(reference.conflicts);
            assertThat(sweep.regions()).as("round %d", round).isEqualTo(reference.regions);
            covered += sweep.redundant().size();
            indexed += reference.largestNode > CoveringAllows.SCAN_UP_TO ? 1 : 0;
        }
        assertThat(covered).isGreaterThan(20_000);
        assertThat(indexed).isGreaterThan(500);
    }

    /**
     * Many port sets of several ranges on one prefix, all spanning the same ports (so that the
     * search for a wider one visits many that are not): the search gives up past its bound, and
     * then the allow is reported unchecked, never covered by a rule that does not cover it. Every
     * allow the oracle finds covered is reported covered or unchecked; regions and conflicts are
     * the oracle's.
     */
    @Test
    void aSearchThatGivesUpReportsTheAllowUncheckedAndNoFalseCover() {
        Random random = new Random(65);
        int unchecked = 0;
        int covered = 0;
        for (int round = 0; round < 200; round++) {
            List<NetRule> rules = spanningSets(random, 40 + random.nextInt(400));
            NetSweep sweep = NetSweep.run(List.copyOf(rules));
            Reference reference = Reference.run(rules);
            assertThat(sweep.regions()).as("round %d", round).isEqualTo(reference.regions);
            assertThat(sweep.conflicts()).as("round %d", round).isEqualTo(reference.conflicts);
            Set<Integer> truly = new HashSet<>();
            reference.redundant.forEach(redundancy -> truly.add(redundancy.rule()));
            Set<Integer> reported = new HashSet<>(sweep.unchecked());
            for (Redundancy redundancy : sweep.redundant()) {
                assertThat(truly).as("round %d: %s", round, redundancy).contains(redundancy.rule());
                assertThat(sweep.unchecked()).as("round %d", round).doesNotContain(redundancy.rule());
                if (rules.get(redundancy.rule()) instanceof NetRule.Allow allow) {
                    NetRule.Allow by = (NetRule.Allow) rules.get(redundancy.coveredBy().orElseThrow());
                    assertThat(by.protocol() == allow.protocol() && by.prefix().contains(allow.prefix())
                            && by.ports().containsAll(allow.ports())).as("round %d: %s", round, redundancy).isTrue();
                }
                reported.add(redundancy.rule());
            }
            assertThat(reported).as("round %d", round).containsAll(truly);
            unchecked += sweep.unchecked().size();
            covered += sweep.redundant().size();
        }
        assertThat(unchecked).isGreaterThan(1_000);
        assertThat(covered).isGreaterThan(1_000);
    }

    /**
     * Allows on a /16, a /24 in it and hosts in that, most of ports {@code 1, k, 65535} for a
     * random {@code k} (all spanning 1 to 65535, none wider than another unless equal), some of one
     * range, some of all ports (on hosts only, so that the wider prefixes' searches go on), a few
     * denies.
     */
    private static List<NetRule> spanningSets(Random random, int count) {
        List<Cidr> prefixes = List.of(Cidr.parse("192.0.0.0/16").orElseThrow(), Cidr.parse("192.0.2.0/24").orElseThrow(),
                Cidr.parse("192.0.2.10/32").orElseThrow(), Cidr.parse("192.0.2.11/32").orElseThrow());
        List<NetRule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Cidr prefix = prefixes.get(random.nextInt(prefixes.size()));
            int kind = random.nextInt(40);
            if (kind == 0) {
                rules.add(NetRule.deny(prefix));
                continue;
            }
            int middle = 3 + random.nextInt(400);
            Ports ports = kind < 3 && prefix.length() == 32 ? Ports.of(new PortRange(1, 65535))
                    : kind < 6 ? Ports.single(middle)
                    : Ports.of(new PortRange(1, 1), new PortRange(middle, middle + random.nextInt(3)), new PortRange(65535, 65535));
            rules.add(NetRule.allow(kind == 39 ? Protocol.UDP : Protocol.TCP, prefix, ports));
        }
        return rules;
    }

    /**
     * Rules on a few prefixes (so that many share one, and hosts nest under wider ones), ports
     * drawn from a small pool of single ranges and unions so that equal and nested sets recur.
     */
    private static List<NetRule> randomRules(Random random, int count) {
        List<Cidr> prefixes = new ArrayList<>();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            prefixes.add(Universe.randomCidr(random));
        }
        List<Ports> pool = new ArrayList<>();
        for (int i = 1 + random.nextInt(24); i > 0; i--) {
            pool.add(random.nextBoolean() ? Ports.of(Universe.randomPorts(random).get(0)) : Ports.of(Universe.randomPorts(random)));
        }
        pool.add(Ports.of(new PortRange(1, Universe.MAX_PORT)));
        List<NetRule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Cidr prefix = prefixes.get(random.nextInt(prefixes.size()));
            if (random.nextInt(12) == 0) {
                rules.add(NetRule.deny(prefix));
            } else {
                Protocol protocol = random.nextInt(5) == 0 ? Protocol.UDP : Protocol.TCP;
                rules.add(NetRule.allow(protocol, prefix, pool.get(random.nextInt(pool.size()))));
            }
        }
        return rules;
    }

    /** NetSweep before the change, its regions, conflicts and redundancies as it found them. */
    private static final class Reference {
        private record Node(Cidr prefix, List<Integer> allows, List<Integer> denies) {
        }

        private static final class Frame {
            final Node node;
            final Grant grant;
            Ip cursor;

            Frame(Node node, Grant grant) {
                this.node = node;
                this.grant = grant;
                this.cursor = node.prefix().first();
            }
        }

        private final List<NetRule> rules;
        final List<NetSweep.Region> regions = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        final List<Redundancy> redundant = new ArrayList<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        int largestNode;

        private Reference(List<NetRule> rules) {
            this.rules = rules;
        }

        static Reference run(List<NetRule> rules) {
            Reference sweep = new Reference(rules);
            Map<Cidr, Node> byPrefix = new TreeMap<>();
            for (int i = 0; i < rules.size(); i++) {
                NetRule rule = rules.get(i);
                Node node = byPrefix.computeIfAbsent(rule.prefix(), p -> new Node(p, new ArrayList<>(), new ArrayList<>()));
                (rule instanceof NetRule.Deny ? node.denies() : node.allows()).add(i);
            }
            byPrefix.values().forEach(sweep::visit);
            while (!sweep.stack.isEmpty()) {
                sweep.close(sweep.stack.pop());
            }
            sweep.redundant.sort((a, b) -> Integer.compare(a.rule(), b.rule()));
            return sweep;
        }

        private void visit(Node node) {
            largestNode = Math.max(largestNode, node.allows().size());
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
            checkRedundancy(node);
            stack.push(new Frame(node, grantOf(node, parent)));
        }

        private Grant grantOf(Node node, Frame parent) {
            if (!node.denies().isEmpty()) {
                return Grant.NONE;
            }
            Grant grant = parent == null ? Grant.NONE : parent.grant;
            for (int index : node.allows()) {
                NetRule.Allow allow = (NetRule.Allow) rules.get(index);
                grant = grant.plus(allow.protocol(), allow.ports());
            }
            return grant;
        }

        private void close(Frame frame) {
            Ip last = frame.node.prefix().last();
            if (frame.cursor != null && frame.cursor.compareTo(last) <= 0) {
                emit(frame.cursor, last, frame.grant);
            }
        }

        private void emit(Ip first, Ip last, Grant grant) {
            if (!grant.isEmpty()) {
                regions.add(new NetSweep.Region(new IpRange(first, last), grant));
            }
        }

        private void checkRedundancy(Node node) {
            List<Integer> denies = node.denies();
            if (denies.isEmpty()) {
                node.allows().forEach(allow -> checkAllow(node, allow));
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

        private void checkAllow(Node node, int index) {
            NetRule.Allow allow = (NetRule.Allow) rules.get(index);
            for (int other : node.allows()) {
                NetRule.Allow candidate = (NetRule.Allow) rules.get(other);
                boolean wider = !candidate.ports().equals(allow.ports()) || other < index;
                if (other != index && wider && covers(candidate, allow)) {
                    redundant.add(Redundancy.coveredBy(index, other));
                    return;
                }
            }
            for (Frame frame : stack) {
                if (!frame.node.denies().isEmpty()) {
                    return;
                }
                for (int other : frame.node.allows()) {
                    if (covers((NetRule.Allow) rules.get(other), allow)) {
                        redundant.add(Redundancy.coveredBy(index, other));
                        return;
                    }
                }
            }
        }

        private static boolean covers(NetRule.Allow candidate, NetRule.Allow allow) {
            return candidate.protocol() == allow.protocol() && candidate.ports().containsAll(allow.ports());
        }
    }
}

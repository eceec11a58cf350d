package dev.stockade.compiler.effective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkGrantsTest {

    private static final Protocol TCP = Protocol.TCP;
    private static final Protocol UDP = Protocol.UDP;

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    private static Ip ip(String text) {
        return Ip.parse(text).orElseThrow();
    }

    private static NetRule allow(Protocol protocol, String prefix, PortRange... ports) {
        return NetRule.allow(protocol, cidr(prefix), Ports.of(ports));
    }

    private static NetRule deny(String prefix) {
        return NetRule.deny(cidr(prefix));
    }

    private static PortRange port(int port) {
        return PortRange.single(port);
    }

    @Test
    void specExampleReachesExactlyTheHost() {
        NetworkGrants grants = NetworkGrants.of(List.of(allow(TCP, "10.0.1.50", port(5432)), deny("10.0.0.0/8")));
        assertThat(grants.mayReach(TCP, ip("10.0.1.50"), 5432)).isTrue();
        assertThat(grants.mayReach(TCP, ip("10.0.1.50"), 5433)).isFalse();
        assertThat(grants.mayReach(UDP, ip("10.0.1.50"), 5432)).isFalse();
        assertThat(grants.mayReach(TCP, ip("10.0.1.51"), 5432)).isFalse();
        assertThat(grants.effective()).containsExactly(
                new NetGrant(TCP, AddressSet.of(cidr("10.0.1.50")), Ports.single(5432)));
        // The deny encloses the allow but no allow encloses the deny: default deny already holds.
        assertThat(grants.redundant()).containsExactly(Redundancy.defaultDeny(1));
        assertThat(grants.conflicts()).isEmpty();
    }

    @Test
    void denyCarvesAndNestedAllowReopens() {
        NetworkGrants grants = NetworkGrants.of(List.of(
                allow(TCP, "10.0.0.0/8", port(443)), deny("10.1.0.0/16"), allow(TCP, "10.1.2.0/24", port(443))));
        assertThat(grants.mayReach(TCP, ip("10.2.0.1"), 443)).isTrue();
        assertThat(grants.mayReach(TCP, ip("10.1.3.1"), 443)).isFalse();
        assertThat(grants.mayReach(TCP, ip("10.1.2.200"), 443)).isTrue();
        assertThat(grants.reachable(TCP)).isEqualTo(AddressSet.of(cidr("10.0.0.0/8"))
                .minus(AddressSet.of(cidr("10.1.0.0/16"))).union(AddressSet.of(cidr("10.1.2.0/24"))));
        assertThat(grants.redundant()).isEmpty();
    }

    @Test
    void allowsAddUpAndNarrowerAllowsNeverClose() {
        NetworkGrants grants = NetworkGrants.of(List.of(
                allow(TCP, "10.0.0.0/8", port(80)), allow(TCP, "10.0.1.0/24", port(443)), allow(UDP, "10.0.1.0/24", port(53))));
        assertThat(grants.mayReach(TCP, ip("10.0.1.5"), 80)).isTrue();
        assertThat(grants.mayReach(TCP, ip("10.0.1.5"), 443)).isTrue();
        assertThat(grants.mayReach(TCP, ip("10.0.2.5"), 443)).isFalse();
        assertThat(grants.effective()).containsExactly(
                new NetGrant(TCP, AddressSet.of(cidr("10.0.0.0/8")).minus(AddressSet.of(cidr("10.0.1.0/24"))), Ports.single(80)),
                new NetGrant(TCP, AddressSet.of(cidr("10.0.1.0/24")), Ports.of(port(80), port(443))),
                new NetGrant(UDP, AddressSet.of(cidr("10.0.1.0/24")), Ports.single(53)));
    }

    @Test
    void equalPrefixesWithOppositeVerdictsConflictAndFailClosed() {
        NetworkGrants grants = NetworkGrants.of(List.of(
                allow(TCP, "10.0.0.0/8", port(80)), allow(TCP, "10.0.0.0/24", port(80)), deny("10.0.0.0/24"),
                allow(TCP, "10.0.0.7", port(80))));
        assertThat(grants.conflicts()).containsExactly(new Conflict(List.of(1), List.of(2)));
        assertThat(grants.mayReach(TCP, ip("10.0.0.6"), 80)).isFalse();
        assertThat(grants.mayReach(TCP, ip("10.0.0.7"), 80)).isTrue();
        assertThat(grants.mayReach(TCP, ip("10.0.1.6"), 80)).isTrue();
    }

    @Test
    void reportsShadowedAllowsAndDeadDenies() {
        NetworkGrants grants = NetworkGrants.of(List.of(
                allow(TCP, "10.0.0.0/8", port(80), port(443)),
                allow(TCP, "10.0.1.0/24", port(443)),        // inside 0, ports included
                allow(UDP, "10.0.1.0/24", port(443)),        // other protocol: not covered
                deny("10.9.0.0/16"),
                allow(TCP, "10.9.1.0/24", port(443)),        // re-opens inside the deny: not covered
                deny("10.9.9.0/24"),                         // inside a deny already
                deny("192.168.0.0/16"),                      // no allow encloses it
                allow(TCP, "10.0.0.0/8", port(80), port(443)), // repeats 0
                deny("10.9.0.0/16")));                       // repeats 3
        assertThat(grants.redundant()).containsExactly(
                Redundancy.coveredBy(1, 0), Redundancy.coveredBy(5, 3), Redundancy.defaultDeny(6),
                Redundancy.coveredBy(7, 0), Redundancy.coveredBy(8, 3));
    }

    @Test
    void handlesWholeFamiliesAndBothFamiliesTogether() {
        NetworkGrants grants = NetworkGrants.of(List.of(
                allow(TCP, "0.0.0.0/0", port(443)), deny("255.255.255.255"), allow(UDP, "::/0", port(53)), deny("::/1")));
        assertThat(grants.mayReach(TCP, ip("255.255.255.254"), 443)).isTrue();
        assertThat(grants.mayReach(TCP, ip("255.255.255.255"), 443)).isFalse();
        assertThat(grants.mayReach(TCP, ip("::1"), 443)).isFalse();
        assertThat(grants.mayReach(UDP, ip("8000::"), 53)).isTrue();
        assertThat(grants.mayReach(UDP, ip("7fff::"), 53)).isFalse();
        assertThat(grants.reachable(UDP).toPrefixes()).extracting(Cidr::text).containsExactly("8000::/1");
    }

    /** A random policy and a per-address oracle that reads the rules directly. */
    private record Policy(List<NetRule> rules, List<BitSet> portModels) {

        static Policy random(Random random, boolean uniformPorts) {
            List<NetRule> rules = new ArrayList<>();
            List<BitSet> models = new ArrayList<>();
            List<PortRange> shared = Universe.randomPorts(random);
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                Cidr prefix = Universe.randomCidr(random);
                if (random.nextInt(3) == 0) {
                    rules.add(NetRule.deny(prefix));
                    models.add(null);
                    continue;
                }
                List<PortRange> ports = uniformPorts ? shared : Universe.randomPorts(random);
                Protocol protocol = uniformPorts || random.nextBoolean() ? TCP : UDP;
                rules.add(NetRule.allow(protocol, prefix, Ports.of(ports)));
                models.add(Universe.portBits(ports));
            }
            return new Policy(rules, models);
        }

        /** The documented meaning: some allow matches and no deny at least as specific holds a. */
        boolean reaches(Protocol protocol, Ip address, int port) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) instanceof NetRule.Allow allow && allow.protocol() == protocol
                        && portModels.get(i).get(port) && allow.prefix().contains(address)
                        && !deniedAtLeastAsSpecific(address, allow.prefix().length())) {
                    return true;
                }
            }
            return false;
        }

        private boolean deniedAtLeastAsSpecific(Ip address, int length) {
            return rules.stream().anyMatch(rule -> rule instanceof NetRule.Deny
                    && rule.prefix().contains(address) && rule.prefix().length() >= length);
        }

        /** Plain longest-prefix match: the longest matching prefix decides, a deny there wins. */
        boolean longestMatchAllows(Ip address) {
            int best = -1;
            boolean allowed = false;
            for (NetRule rule : rules) {
                int length = rule.prefix().length();
                if (!rule.prefix().contains(address) || length < best) {
                    continue;
                }
                boolean verdict = rule instanceof NetRule.Allow;
                allowed = length > best ? verdict : allowed && verdict;
                best = length;
            }
            return allowed;
        }
    }

    @Test
    void mayReachAgreesWithPerAddressOracle() {
        Random random = new Random(2024);
        for (int round = 0; round < 300; round++) {
            Policy policy = Policy.random(random, false);
            NetworkGrants grants = NetworkGrants.of(policy.rules());
            for (int index = 0; index < Universe.SIZE; index++) {
                Ip address = Universe.address(index);
                for (Protocol protocol : Protocol.values()) {
                    for (int port = 1; port <= Universe.MAX_PORT; port++) {
                        assertThat(grants.mayReach(protocol, address, port))
                                .as("%s %s:%d in %s", protocol, address.text(), port, policy.rules())
                                .isEqualTo(policy.reaches(protocol, address, port));
                    }
                }
            }
            assertCanonical(grants.effective());
        }
    }

    @Test
    void withOnePortSetItIsPlainLongestPrefixMatch() {
        Random random = new Random(99);
        for (int round = 0; round < 400; round++) {
            Policy policy = Policy.random(random, true);
            AddressSet reachable = NetworkGrants.of(policy.rules()).reachable(TCP);
            for (int index = 0; index < Universe.SIZE; index++) {
                Ip address = Universe.address(index);
                assertThat(reachable.contains(address)).as("%s in %s", address.text(), policy.rules())
                        .isEqualTo(policy.longestMatchAllows(address));
            }
        }
    }

    @Test
    void removingRedundantRulesChangesNothing() {
        Random random = new Random(5);
        int seen = 0;
        for (int round = 0; round < 500; round++) {
            Policy policy = Policy.random(random, random.nextBoolean());
            NetworkGrants grants = NetworkGrants.of(policy.rules());
            List<Integer> redundant = grants.redundant().stream().map(Redundancy::rule).toList();
            for (int rule : redundant) {
                List<NetRule> without = new ArrayList<>(policy.rules());
                without.remove(rule);
                assertThat(NetworkGrants.of(without).effective()).as("without %d of %s", rule, policy.rules())
                        .isEqualTo(grants.effective());
                seen++;
            }
            List<NetRule> pruned = new ArrayList<>();
            for (int i = 0; i < policy.rules().size(); i++) {
                if (!redundant.contains(i)) {
                    pruned.add(policy.rules().get(i));
                }
            }
            assertThat(NetworkGrants.of(pruned).effective()).isEqualTo(grants.effective());
        }
        assertThat(seen).isGreaterThan(100);
    }

    @Test
    void withoutSomeRulesIsTheSweepOfTheRulesLeft() {
        Random random = new Random(4193);
        int changed = 0;
        for (int round = 0; round < 3000; round++) {
            Policy policy = Policy.random(random, random.nextBoolean());
            NetworkGrants grants = NetworkGrants.of(policy.rules());
            BitSet leftOut = new BitSet();
            List<NetRule> kept = new ArrayList<>();
            for (int i = 0; i < policy.rules().size(); i++) {
                if (random.nextInt(3) == 0) {
                    leftOut.set(i);
                } else {
                    kept.add(policy.rules().get(i));
                }
            }
            NetworkGrants expected = NetworkGrants.of(kept);
            NetworkGrants derived = grants.without(leftOut);
            String what = "without " + leftOut + " of " + policy.rules();
            assertThat(derived.rules()).as(what).isEqualTo(expected.rules());
            assertThat(derived.effective()).as(what).isEqualTo(expected.effective());
            assertThat(derived.conflicts()).as(what).isEqualTo(expected.conflicts());
            assertThat(derived.redundant()).as(what).isEqualTo(expected.redundant());
            if (!expected.effective().equals(grants.effective())) {
                changed++;
            }
        }
        assertThat(changed).as("rounds where leaving rules out changed the grants").isGreaterThan(1000);
        NetworkGrants grants = NetworkGrants.of(Policy.random(new Random(1), false).rules());
        assertThat(grants.without(new BitSet())).isSameAs(grants);
    }

    /**
     * In layers the policy reaches what the rules say, address by address, and the sweep's
     * findings are the canonical sweep's: only the form of the entries differs (they may overlap;
     * per protocol still ordered by port set, no two equal).
     */
    @Test
    void layersReachWhatTheRulesReach() {
        Random random = new Random(1717);
        int overlapping = 0;
        for (int round = 0; round < 400; round++) {
            Policy policy = Policy.random(random, false);
            NetworkGrants canonical = NetworkGrants.of(policy.rules(), NetSweep.Form.REGIONS);
            NetworkGrants layers = NetworkGrants.of(policy.rules(), NetSweep.Form.LAYERS);
            assertThat(layers.layered()).isTrue();
            assertThat(canonical.layered()).isFalse();
            for (int index = 0; index < Universe.SIZE; index++) {
                Ip address = Universe.address(index);
                for (Protocol protocol : Protocol.values()) {
                    for (int port = 1; port <= Universe.MAX_PORT; port++) {
                        assertThat(layers.mayReach(protocol, address, port))
                                .as("%s %s:%d in %s", protocol, address.text(), port, policy.rules())
                                .isEqualTo(policy.reaches(protocol, address, port));
                    }
                }
            }
            for (Protocol protocol : Protocol.values()) {
                assertThat(layers.reachable(protocol)).isEqualTo(canonical.reachable(protocol));
            }
            assertThat(layers.conflicts()).isEqualTo(canonical.conflicts());
            assertThat(layers.redundant()).isEqualTo(canonical.redundant());
            assertThat(layers.unchecked()).isEqualTo(canonical.unchecked());
            List<NetGrant> effective = layers.effective();
            for (int i = 0; i + 1 < effective.size(); i++) {
                NetGrant a = effective.get(i);
                NetGrant b = effective.get(i + 1);
                assertThat(a.protocol() == b.protocol() ? a.ports().compareTo(b.ports()) < 0 : a.protocol().compareTo(b.protocol()) < 0)
                        .as("%s before %s", a, b).isTrue();
                overlapping += a.protocol() == b.protocol() && a.addresses().overlaps(b.addresses()) ? 1 : 0;
            }
        }
        assertThat(overlapping).as("rounds where layers overlap, as canonical entries never do").isGreaterThan(20);
    }

    /** Leaving rules out of layers sweeps the rules left again, as {@link NetworkGrants#of} would. */
    @Test
    void withoutOnLayersIsTheSweepOfTheRulesLeft() {
        Random random = new Random(8086);
        for (int round = 0; round < 500; round++) {
            Policy policy = Policy.random(random, false);
            BitSet leftOut = new BitSet();
            List<NetRule> kept = new ArrayList<>();
            for (int i = 0; i < policy.rules().size(); i++) {
                // The first rule always, so that something is left out (without nothing is the same grants).
                if (i == 0 || random.nextInt(3) == 0) {
                    leftOut.set(i);
                } else {
                    kept.add(policy.rules().get(i));
                }
            }
            NetworkGrants derived = NetworkGrants.of(policy.rules(), NetSweep.Form.LAYERS).without(leftOut);
            NetworkGrants expected = NetworkGrants.of(kept);
            assertThat(derived.rules()).isEqualTo(expected.rules());
            assertThat(derived.effective()).isEqualTo(expected.effective());
            assertThat(derived.redundant()).isEqualTo(expected.redundant());
        }
    }

    /**
     * A canonical policy can leave out a rule whose nested rules alone would come in layers (many
     * hosts adding their own ports under a prefix of many ports, diluted in the whole by thousands
     * of other hosts): the rules swept again inside the cut still give regions, and the result is
     * the sweep of the rules left.
     */
    @Test
    void withoutSweepsTheNestedRulesAsRegionsWhateverTheirSize() {
        List<NetRule> rules = new ArrayList<>();
        List<PortRange> wide = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            wide.add(port(1000 + 2 * i));
        }
        rules.add(NetRule.allow(TCP, cidr("127.0.0.0/8"), Ports.of(wide)));
        rules.add(allow(TCP, "127.0.0.0/9", port(5)));
        for (int host = 1; host <= 100; host++) {
            rules.add(allow(TCP, "127.0.0." + host, port(1001 + 2 * host)));
        }
        for (int host = 0; host < 10_000; host++) {
            rules.add(allow(TCP, "10.0." + host / 250 + "." + (host % 250 + 1), port(2000 + host)));
        }
        NetworkGrants grants = NetworkGrants.of(rules);
        assertThat(grants.layered()).isFalse();
        BitSet leftOut = new BitSet();
        leftOut.set(1);
        List<NetRule> kept = new ArrayList<>(rules);
        kept.remove(1);
        NetworkGrants expected = NetworkGrants.of(kept);
        assertThat(expected.layered()).isFalse();
        assertThat(grants.without(leftOut).effective()).isEqualTo(expected.effective());
        assertThat(grants.without(leftOut).mayReach(TCP, ip("127.0.0.7"), 1015)).isTrue();
    }

    /**
     * Hosts under a prefix of many port ranges, each adding a port of its own: canonical entries
     * would each repeat the prefix's ranges (hosts times ranges), so the policy comes in layers,
     * as small as the rules. Hosts that add the same port share one canonical entry and stay
     * canonical.
     */
    @Test
    void layersWhenEveryHostWouldRepeatAWidePortSet() {
        List<NetRule> own = hostsUnderWidePorts(true);
        NetworkGrants layered = NetworkGrants.of(own);
        assertThat(layered.layered()).isTrue();
        long ranges = layered.effective().stream().mapToLong(grant -> grant.ports().toRanges().size()).sum();
        assertThat(ranges).as("port ranges in all entries").isLessThanOrEqualTo(300 + 200);
        assertThat(layered.mayReach(TCP, ip("192.0.2.10"), 1000)).isTrue();
        assertThat(layered.mayReach(TCP, ip("192.0.2.10"), 1021)).isTrue();
        assertThat(layered.mayReach(TCP, ip("192.0.2.10"), 1023)).isFalse();
        assertThat(layered.mayReach(TCP, ip("192.0.2.11"), 1023)).isTrue();
        assertThat(layered.mayReach(TCP, ip("192.0.2.250"), 1000)).isFalse();
        assertThat(layered.mayReach(TCP, ip("192.0.2.220"), 1000)).isTrue();
        assertThat(layered.mayReach(TCP, ip("192.0.2.220"), 1021)).isFalse();

        NetworkGrants shared = NetworkGrants.of(hostsUnderWidePorts(false));
        assertThat(shared.layered()).isFalse();
        assertCanonical(shared.effective());
        assertThat(shared.effective()).hasSize(2);
    }

    /**
     * 192.0.2.0/24 on tcp 1000, 1002, ... (300 ports), hosts .1 to .200 each on 1001 + 2 × host
     * (or all on 999), and 192.0.2.250 denied.
     */
    static List<NetRule> hostsUnderWidePorts(boolean ownPorts) {
        List<NetRule> rules = new ArrayList<>();
        List<PortRange> wide = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            wide.add(port(1000 + 2 * i));
        }
        rules.add(NetRule.allow(TCP, cidr("192.0.2.0/24"), Ports.of(wide)));
        for (int host = 1; host <= 200; host++) {
            rules.add(allow(TCP, "192.0.2." + host, port(ownPorts ? 1001 + 2 * host : 999)));
        }
        rules.add(deny("192.0.2.250"));
        return rules;
    }

    /** Within a protocol no address is in two entries and no two entries share a port set. */
    private static void assertCanonical(List<NetGrant> effective) {
        for (int i = 0; i < effective.size(); i++) {
            NetGrant a = effective.get(i);
            assertThat(a.addresses().isEmpty()).isFalse();
            for (int j = i + 1; j < effective.size(); j++) {
                NetGrant b = effective.get(j);
                if (a.protocol() == b.protocol()) {
                    assertThat(a.addresses().intersect(b.addresses()).isEmpty()).isTrue();
                    assertThat(a.ports().compareTo(b.ports())).isNegative();
                } else {
                    assertThat(a.protocol()).isLessThan(b.protocol());
                }
            }
        }
    }
}

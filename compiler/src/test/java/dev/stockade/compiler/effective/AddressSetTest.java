package dev.stockade.compiler.effective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.model.Ip;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressSetTest {

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    private static Ip ip(String text) {
        return Ip.parse(text).orElseThrow();
    }

    private static List<String> prefixes(AddressSet set) {
        return set.toPrefixes().stream().map(Cidr::text).toList();
    }

    /** A random set with its oracle: a union and difference of random prefixes. */
    private record Sample(AddressSet set, BitSet model) {
        static Sample random(Random random) {
            AddressSet set = AddressSet.empty();
            BitSet model = new BitSet(Universe.SIZE);
            int steps = random.nextInt(6);
            for (int i = 0; i < steps; i++) {
                Cidr cidr = Universe.randomCidr(random);
                if (random.nextInt(3) == 0) {
                    set = set.minus(AddressSet.of(cidr));
                    model.andNot(Universe.members(cidr));
                } else {
                    set = set.union(AddressSet.of(cidr));
                    model.or(Universe.members(cidr));
                }
            }
            return new Sample(set, model);
        }
    }

    @Test
    void operationsAgreeWithPerAddressOracle() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            Sample a = Sample.random(random);
            Sample b = Sample.random(random);
            assertThat(Universe.members(a.set())).isEqualTo(a.model());
            BitSet union = (BitSet) a.model().clone();
            union.or(b.model());
            BitSet intersection = (BitSet) a.model().clone();
            intersection.and(b.model());
            BitSet difference = (BitSet) a.model().clone();
            difference.andNot(b.model());
            assertThat(Universe.members(a.set().union(b.set()))).isEqualTo(union);
            assertThat(Universe.members(a.set().intersect(b.set()))).isEqualTo(intersection);
            assertThat(Universe.members(a.set().minus(b.set()))).isEqualTo(difference);
            assertThat(a.set().containsAll(b.set())).isEqualTo(difference(b.model(), a.model()).isEmpty());
            assertThat(a.set().overlaps(b.set())).isEqualTo(intersection.cardinality() > 0);
            assertThat(a.set().isEmpty()).isEqualTo(a.model().isEmpty());
            // Canonical form: equal sets are equal objects whatever built them.
            assertThat(a.set().equals(b.set())).isEqualTo(a.model().equals(b.model()));
            AddressSet rebuilt = a.set().minus(b.set()).union(a.set().intersect(b.set()));
            assertThat(rebuilt).isEqualTo(a.set()).hasSameHashCodeAs(a.set());
            assertThat(a.set().v4().union(a.set().v6())).isEqualTo(a.set());
            assertThat(a.set().contains(ip("192.0.3.0"))).isFalse();
        }
    }

    /** The binary search for one prefix answers what the merge with the prefix's own set answers. */
    @Test
    void overlapsOfOnePrefixAgreesWithTheIntersection() {
        Random random = new Random(53);
        int overlapping = 0;
        for (int round = 0; round < 5_000; round++) {
            AddressSet set = Sample.random(random).set();
            Cidr prefix = Universe.randomCidr(random);
            boolean expected = !set.intersect(AddressSet.of(prefix)).isEmpty();
            assertThat(set.overlaps(prefix)).as("%s and %s", set, prefix.text()).isEqualTo(expected);
            assertThat(set.overlaps(prefix)).isEqualTo(set.overlaps(AddressSet.of(prefix)));
            overlapping += expected ? 1 : 0;
        }
        assertThat(overlapping).isBetween(500, 4_500);
    }

    private static BitSet difference(BitSet a, BitSet b) {
        BitSet out = (BitSet) a.clone();
        out.andNot(b);
        return out;
    }

    @Test
    void toPrefixesRoundTripsAndIsMinimal() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            Sample sample = Sample.random(random);
            List<Cidr> prefixes = sample.set().toPrefixes();
            AddressSet back = prefixes.stream().map(AddressSet::of).reduce(AddressSet.empty(), AddressSet::union);
            assertThat(back).isEqualTo(sample.set());
            for (int i = 1; i < prefixes.size(); i++) {
                assertThat(prefixes.get(i - 1).last()).isLessThan(prefixes.get(i).first());
            }
            // The minimal cover is exactly the maximal prefixes inside the set: no parent fits.
            for (Cidr prefix : prefixes) {
                int base = prefix.v6() ? 120 : 24;
                if (prefix.length() > base) {
                    BitSet parent = Universe.members(Cidr.containing(prefix.network(), prefix.length() - 1));
                    assertThat(difference(parent, sample.model()).isEmpty()).as("parent of %s", prefix.text()).isFalse();
                }
            }
        }
    }

    @Test
    void decomposesLargeRangesExactly() {
        AddressSet world = AddressSet.all(false);
        assertThat(prefixes(world.minus(AddressSet.of(cidr("10.0.0.0/8"))))).containsExactly(
                "0.0.0.0/5", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2",
                "128.0.0.0/1");
        assertThat(prefixes(world)).containsExactly("0.0.0.0/0");
        List<Cidr> allButOne = AddressSet.all(true).minus(AddressSet.of(cidr("::1"))).toPrefixes();
        assertThat(allButOne).hasSize(128);
        assertThat(allButOne.get(0).text()).isEqualTo("::");
        assertThat(allButOne.get(127).text()).isEqualTo("8000::/1");
        assertThat(prefixes(AddressSet.all(true))).containsExactly("::/0");
    }

    @Test
    void rangesCrossTheSixtyFourBitBoundary() {
        Ip below = ip("2001:db8:0:0:ffff:ffff:ffff:fffe");
        Ip above = ip("2001:db8:0:1::1");
        AddressSet set = AddressSet.ofRanges(List.of(new IpRange(below, above)));
        assertThat(prefixes(set)).containsExactly(
                "2001:db8::ffff:ffff:ffff:fffe/127", "2001:db8:0:1::/127");
        assertThat(set.contains(ip("2001:db8:0:1::"))).isTrue();
        assertThat(set.contains(ip("2001:db8:0:1::2"))).isFalse();
        AddressSet cut = set.minus(AddressSet.of(cidr("2001:db8:0:1::")));
        assertThat(prefixes(cut)).containsExactly("2001:db8::ffff:ffff:ffff:fffe/127", "2001:db8:0:1::1");
        AddressSet joined = AddressSet.of(cidr("2001:db8::/64")).union(AddressSet.of(cidr("2001:db8:0:1::/64")));
        assertThat(prefixes(joined)).containsExactly("2001:db8::/63");
    }

    /**
     * Ranges anywhere in either family (the universe of the other tests is a /24 and a /120): the
     * prefixes tile the range in order, each aligned and maximal (its parent starts before the
     * range or ends after it), whatever the boundaries the arithmetic carries across.
     */
    @Test
    void prefixesOfWideRangesTileThemWithMaximalBlocks() {
        Random random = new Random(11);
        for (int round = 0; round < 4_000; round++) {
            boolean v6 = random.nextBoolean();
            Ip a = randomIp(random, v6);
            Ip b = randomIp(random, v6);
            IpRange range = a.compareTo(b) <= 0 ? new IpRange(a, b) : new IpRange(b, a);
            List<Cidr> prefixes = AddressSet.ofRanges(List.of(range)).toPrefixes();
            assertThat(prefixes.get(0).first()).isEqualTo(range.first());
            assertThat(prefixes.get(prefixes.size() - 1).last()).isEqualTo(range.last());
            assertThat(prefixes.size()).isLessThanOrEqualTo(2 * (v6 ? 128 : 32));
            for (int i = 0; i < prefixes.size(); i++) {
                Cidr prefix = prefixes.get(i);
                assertThat(prefix.network().network(prefix.length())).isEqualTo(prefix.network());
                if (i > 0) {
                    assertThat(IpMath.next(prefixes.get(i - 1).last())).isEqualTo(prefix.first());
                }
                if (prefix.length() > 0) {
                    Cidr parent = Cidr.containing(prefix.network(), prefix.length() - 1);
                    assertThat(parent.first().compareTo(range.first()) < 0 || parent.last().compareTo(range.last()) > 0)
                            .as("parent of %s in %s", prefix.text(), range).isTrue();
                }
            }
        }
        IpRange everything = new IpRange(IpMath.first(true), IpMath.last(true));
        assertThat(AddressSet.ofRanges(List.of(everything)).toPrefixes()).extracting(Cidr::text).containsExactly("::/0");
    }

    /** An address with runs of zero and one bits now and then, so that ranges start and end on boundaries. */
    private static Ip randomIp(Random random, boolean v6) {
        long hi = v6 ? shaped(random) : 0;
        long lo = v6 ? shaped(random) : shaped(random) & 0xFFFF_FFFFL;
        return new Ip(v6, hi, lo);
    }

    private static long shaped(Random random) {
        long value = random.nextLong();
        int low = random.nextInt(65);
        return switch (random.nextInt(3)) {
            case 0 -> low == 64 ? 0 : value >>> low << low;
            case 1 -> low == 64 ? -1L : value | ((1L << low) - 1);
            default -> value;
        };
    }

    @Test
    void keepsFamiliesApart() {
        AddressSet v4 = AddressSet.of(cidr("0.0.0.0/0"));
        AddressSet mapped = AddressSet.of(cidr("::ffff:0.0.0.0/96"));
        assertThat(v4.intersect(mapped).isEmpty()).isTrue();
        assertThat(v4.union(mapped).toPrefixes()).extracting(Cidr::text)
                .containsExactly("0.0.0.0/0", "::ffff:0.0.0.0/96");
        assertThat(v4.union(mapped).v6()).isEqualTo(mapped);
        assertThat(v4.contains(ip("::ffff:10.0.0.1"))).isFalse();
        assertThat(AddressSet.of(ip("10.1.2.3"), 8)).isEqualTo(AddressSet.of(cidr("10.0.0.0/8")));
        assertThat(AddressSet.empty().toString()).isEqualTo("{}");
        assertThat(v4.union(mapped).toString()).isEqualTo("{0.0.0.0/0,::ffff:0.0.0.0/96}");
    }

    @Test
    void cidrParsesAndContains() {
        assertThat(Cidr.parse("10.0.0.0/8")).contains(new Cidr(ip("10.0.0.0"), 8));
        assertThat(Cidr.parse("10.0.0.1/8")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/08")).isEmpty();
        assertThat(Cidr.parse("2001:db8::/32").orElseThrow().text()).isEqualTo("2001:db8::/32");
        assertThat(cidr("10.0.0.0/8").contains(cidr("10.1.0.0/16"))).isTrue();
        assertThat(cidr("10.1.0.0/16").contains(cidr("10.0.0.0/8"))).isFalse();
        assertThat(cidr("0.0.0.0/0").contains(cidr("::/0"))).isFalse();
        assertThat(cidr("10.0.0.0/8")).isLessThan(cidr("10.0.0.0/9")).isLessThan(cidr("10.0.0.1"));
    }
}

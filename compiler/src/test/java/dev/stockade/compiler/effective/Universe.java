package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * The small address world of the property tests: 192.0.2.0/24 (indices 0..255) and
 * 2001:db8::/120 (indices 256..511), and ports 1..64. Small enough to enumerate for an oracle.
 */
final class Universe {

    static final int SIZE = 512;
    static final int MAX_PORT = 64;
    private static final long V4_BASE = 0xC000_0200L;
    private static final long V6_HI = 0x2001_0db8_0000_0000L;

    private Universe() {
    }

    static Ip address(int index) {
        return index < 256 ? Ip.v4(V4_BASE + index) : new Ip(true, V6_HI, index - 256);
    }

    /** A random prefix inside one of the two base prefixes, /24 to /32 or /120 to /128. */
    static Cidr randomCidr(Random random) {
        boolean v6 = random.nextBoolean();
        int length = (v6 ? 120 : 24) + random.nextInt(9);
        return Cidr.containing(address(random.nextInt(256) + (v6 ? 256 : 0)), length);
    }

    static BitSet members(Cidr cidr) {
        BitSet bits = new BitSet(SIZE);
        for (int i = 0; i < SIZE; i++) {
            bits.set(i, cidr.contains(address(i)));
        }
        return bits;
    }

    static BitSet members(AddressSet set) {
        BitSet bits = new BitSet(SIZE);
        for (int i = 0; i < SIZE; i++) {
            bits.set(i, set.contains(address(i)));
        }
        return bits;
    }

    /** One to three random port ranges inside 1..64. */
    static List<PortRange> randomPorts(Random random) {
        List<PortRange> ranges = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int low = 1 + random.nextInt(MAX_PORT);
            ranges.add(new PortRange(low, Math.min(MAX_PORT, low + random.nextInt(12))));
        }
        return ranges;
    }

    static BitSet portBits(List<PortRange> ranges) {
        BitSet bits = new BitSet();
        ranges.forEach(range -> bits.set(range.low(), range.high() + 1));
        return bits;
    }
}

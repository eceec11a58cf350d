package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * Effective network grants as one array of longs, for what keeps them until the whole fleet is seen
 * (the compose target keeps every service's grants for its merge): as objects, a fleet of 10,000
 * servers kept about 1.5 million (addresses, ranges, sets, port lists) that every young collection
 * copied and every marking cycle traced (docs/performance.md, thirteenth round). {@link #grants()}
 * gives back equal grants, in the same order.
 *
 * <p>Layout: the number of grants; per grant its protocol's ordinal, its number of address ranges,
 * per range the family (1 for IPv6) and both ends' high and low words, its number of port ranges
 * and per port range {@code low << 32 | high}.
 */
public final class PackedGrants {

    private static final Protocol[] PROTOCOLS = Protocol.values();
    private static final PackedGrants NONE = new PackedGrants(new long[] {0});

    private final long[] packed;

    private PackedGrants(long[] packed) {
        this.packed = packed;
    }

    public static PackedGrants of(List<NetGrant> grants) {
        if (grants.isEmpty()) {
            return NONE;
        }
        int length = 1;
        for (NetGrant grant : grants) {
            length += 3 + 5 * grant.addresses().ranges().size() + grant.ports().toRanges().size();
        }
        long[] packed = new long[length];
        int at = 0;
        packed[at++] = grants.size();
        for (NetGrant grant : grants) {
            packed[at++] = grant.protocol().ordinal();
            List<IpRange> ranges = grant.addresses().ranges();
            packed[at++] = ranges.size();
            for (IpRange range : ranges) {
                packed[at++] = range.v6() ? 1 : 0;
                packed[at++] = range.first().hi();
                packed[at++] = range.first().lo();
                packed[at++] = range.last().hi();
                packed[at++] = range.last().lo();
            }
            List<PortRange> ports = grant.ports().toRanges();
            packed[at++] = ports.size();
            for (PortRange port : ports) {
                packed[at++] = (long) port.low() << 32 | port.high();
            }
        }
        return new PackedGrants(packed);
    }

    /**
     * The layout above, a copy: a canonical form of the grants (their address and port sets are
     * canonical, and every list is preceded by its length), so equal grants give equal words and
     * different grants different ones.
     */
    public long[] words() {
        return packed.clone();
    }

    public boolean isEmpty() {
        return packed[0] == 0;
    }

    /** The grants, equal to those packed and in their order. */
    public List<NetGrant> grants() {
        int at = 0;
        int count = (int) packed[at++];
        List<NetGrant> grants = new ArrayList<>(count);
        for (int g = 0; g < count; g++) {
            Protocol protocol = PROTOCOLS[(int) packed[at++]];
            int rangeCount = (int) packed[at++];
            List<IpRange> ranges = new ArrayList<>(rangeCount);
            for (int r = 0; r < rangeCount; r++) {
                boolean v6 = packed[at++] == 1;
                Ip first = new Ip(v6, packed[at++], packed[at++]);
                ranges.add(new IpRange(first, new Ip(v6, packed[at++], packed[at++])));
            }
            int portCount = (int) packed[at++];
            List<PortRange> ports = new ArrayList<>(portCount);
            for (int p = 0; p < portCount; p++) {
                long both = packed[at++];
                ports.add(new PortRange((int) (both >>> 32), (int) both));
            }
            grants.add(new NetGrant(protocol, AddressSet.ofRanges(ranges), Ports.of(ports)));
        }
        return grants;
    }
}

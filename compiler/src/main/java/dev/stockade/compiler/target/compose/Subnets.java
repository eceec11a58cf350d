package dev.stockade.compiler.target.compose;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.dsl.model.Ip;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bridge networks of the servers that have network grants, allocated deterministically: in
 * server-name order, each server takes the next IPv4 /28 of {@code 172.30.0.0/16} and the next IPv6
 * /64 of {@code fd53:746b:6164::/48} that no server's grants reach (a subnet that held a granted
 * address would keep that traffic on the bridge). The gateway is the first address, the server the
 * second. 4096 IPv4 subnets are enough for any one compose file; past that a server is not given one.
 */
final class Subnets {

    static final Cidr POOL_V4 = Cidr.parse("172.30.0.0/16").orElseThrow();
    static final Cidr POOL_V6 = Cidr.parse("fd53:746b:6164::/48").orElseThrow();
    /** Both pools: only granted addresses inside them can take a subnet away. */
    static final AddressSet POOLS = AddressSet.of(POOL_V4).union(AddressSet.of(POOL_V6));
    static final int LENGTH_V4 = 28;
    static final int LENGTH_V6 = 64;

    /** One server's network: its subnets and its static addresses. */
    record Subnet(Cidr v4, Cidr v6) {

        Ip addressV4() {
            return Ip.v4(v4.network().lo() + 2);
        }

        Ip addressV6() {
            return new Ip(true, v6.network().hi(), v6.network().lo() + 2);
        }
    }

    private Subnets() {
    }

    /** For each server name (in the order given, which is sorted), its subnets; absent when the pool ran out. */
    static Map<String, Optional<Subnet>> allocate(List<String> servers, AddressSet granted) {
        Map<String, Optional<Subnet>> out = new LinkedHashMap<>();
        List<Cidr> v4 = free(POOL_V4, LENGTH_V4, granted, servers.size());
        List<Cidr> v6 = free(POOL_V6, LENGTH_V6, granted, servers.size());
        for (int i = 0; i < servers.size(); i++) {
            out.put(servers.get(i), i < v4.size() && i < v6.size()
                    ? Optional.of(new Subnet(v4.get(i), v6.get(i))) : Optional.empty());
        }
        return out;
    }

    /** The first {@code count} subnets of the pool, in address order, that hold no granted address. */
    private static List<Cidr> free(Cidr pool, int length, AddressSet granted, int count) {
        List<Cidr> out = new ArrayList<>();
        // One sweep: the slots rise in address order and the granted ranges are sorted and disjoint.
        List<IpRange> taken = granted.ranges().stream().filter(r -> r.first().v6() == pool.network().v6()).toList();
        int next = 0;
        long slots = 1L << Math.min(length - pool.length(), 20);
        for (long slot = 0; slot < slots && out.size() < count; slot++) {
            Cidr subnet = nth(pool, length, slot);
            IpRange range = subnet.range();
            while (next < taken.size() && taken.get(next).last().compareTo(range.first()) < 0) {
                next++;
            }
            if (next == taken.size() || taken.get(next).first().compareTo(range.last()) > 0) {
                out.add(subnet);
            }
        }
        return out;
    }

    private static Cidr nth(Cidr pool, int length, long slot) {
        Ip base = pool.network();
        if (!base.v6()) {
            return new Cidr(Ip.v4(base.lo() + (slot << (32 - length))), length);
        }
        // INVARIANT: the v6 pool is a /48 and subnets are /64: the slot is the fourth group, in hi.
        return new Cidr(new Ip(true, base.hi() + slot, 0), length);
    }
}

package dev.stockade.compiler.target.systemd;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * The network half of the unit. Without grants: a private network namespace (only its own
 * loopback) and Unix sockets only. With grants: {@code IPAddressDeny=any} plus one
 * {@code IPAddressAllow=} per prefix of the exact union of reachable addresses (the effective
 * policy already subtracted the denies, so the prefixes are exact), and only the address families
 * that some grant uses. The cgroup filter sees addresses, not ports or protocols.
 */
final class UnitNetwork {

    /** The directives, and whether ports or protocols were wider than the policy. */
    record Lowered(List<String> directives, boolean portsWidened, boolean online) {
    }

    private UnitNetwork() {
    }

    static Lowered lower(EffectivePolicy effective) {
        List<String> lines = new ArrayList<>();
        if (effective.networkNone()) {
            lines.add("PrivateNetwork=yes");
            lines.add("IPAddressDeny=any");
            lines.add("RestrictAddressFamilies=AF_UNIX");
            return new Lowered(lines, false, false);
        }
        // Every range first, one sort-and-merge: a union per grant copies the growing set each time.
        List<IpRange> ranges = new ArrayList<>();
        for (NetGrant grant : effective.network().effective()) {
            ranges.addAll(grant.addresses().ranges());
        }
        AddressSet reachable = AddressSet.ofRanges(ranges);
        lines.add("IPAddressDeny=any");
        for (Cidr prefix : reachable.toPrefixes()) {
            lines.add("IPAddressAllow=" + prefix.text());
        }
        StringBuilder families = new StringBuilder("RestrictAddressFamilies=AF_UNIX");
        if (!reachable.v4().isEmpty()) {
            families.append(" AF_INET");
        }
        if (!reachable.v6().isEmpty()) {
            families.append(" AF_INET6");
        }
        lines.add(families.toString());
        return new Lowered(lines, widened(effective, reachable), true);
    }

    /**
     * True unless every reachable address is open on every port of both protocols, which is the
     * only thing {@code IPAddressAllow=} can say.
     */
    private static boolean widened(EffectivePolicy effective, AddressSet reachable) {
        List<NetGrant> grants = effective.network().effective();
        long complete = grants.stream()
                .filter(g -> g.ports().equals(Ports.all()) && g.addresses().equals(reachable)).count();
        return complete < 2;
    }
}

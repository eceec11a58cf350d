package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.target.WideChains;
import dev.stockade.compiler.target.escape.CommentEscape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The destinations a server's user may open connections to, split by address family: the effective
 * network policy (allows, DNS resolver and loopback ports, with every deny already subtracted), so
 * the rules built from it accept exactly what the policy allows and nothing depends on rule order.
 */
final class EgressLowering {

    private EgressLowering() {
    }

    /**
     * Whether a grant is wide ({@link WideChains#ABOVE}): its address ranges times its port ranges,
     * each of which would be a set element (nft) or a rule (iptables). Wide grants keep their
     * addresses and ports apart instead (see the lowerings).
     */
    static boolean wide(NetGrant grant) {
        return WideChains.wide(grant.addresses().ranges().size(), grant.ports().toRanges().size());
    }

    /** The grants of one family ({@code v6} or IPv4), in the order of the effective policy. */
    static List<NetGrant> accepts(EffectivePolicy policy, boolean v6) {
        return family(policy.network().effective(), v6);
    }

    /**
     * The grants of one family by level ({@link dev.stockade.compiler.effective.NetworkGrants#levels}):
     * one level, the effective policy, unless it is in layers; within a level no destination is in
     * two grants.
     */
    static List<List<NetGrant>> levels(EffectivePolicy policy, boolean v6) {
        return policy.network().levels().stream().map(level -> family(level, v6)).toList();
    }

    private static List<NetGrant> family(List<NetGrant> grants, boolean v6) {
        List<NetGrant> out = new ArrayList<>();
        for (NetGrant grant : grants) {
            AddressSet family = v6 ? grant.addresses().v6() : grant.addresses().v4();
            if (!family.isEmpty()) {
                out.add(new NetGrant(grant.protocol(), family, grant.ports()));
            }
        }
        return List.copyOf(out);
    }

    /** Lines of a file's explanatory comment, each made safe to stand after a comment marker. */
    static List<String> comments(String... lines) {
        return Stream.of(lines).map(CommentEscape::line).toList();
    }
}

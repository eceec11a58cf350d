package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.NetGrant;
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

    /** The grants of one family ({@code v6} or IPv4), in the canonical order of the effective policy. */
    static List<NetGrant> accepts(EffectivePolicy policy, boolean v6) {
        List<NetGrant> out = new ArrayList<>();
        for (NetGrant grant : policy.network().effective()) {
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

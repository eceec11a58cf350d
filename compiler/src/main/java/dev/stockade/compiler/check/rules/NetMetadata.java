package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.compiler.effective.Source;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code net-metadata}: the server can reach a cloud metadata endpoint (169.254.169.254, the
 * link-local 169.254.0.0/16, fd00:ec2::254), which hands out the host's cloud credentials. Judged
 * on the effective policy: an allow whose metadata part a deny carves out is fine.
 */
public final class NetMetadata implements ServerRule {

    static final AddressSet METADATA = AddressSet.of(Cidr.parse("169.254.0.0/16").orElseThrow())
            .union(AddressSet.of(Cidr.parse("fd00:ec2::254/128").orElseThrow()));

    @Override
    public RuleInfo info() {
        return RuleCatalog.NET_METADATA;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        EffectivePolicy effective = server.effective();
        // What every grant reaches of the metadata ranges: the same as all it reaches, intersected
        // once, without building the union of every grant's addresses.
        AddressSet exposed = AddressSet.empty();
        for (NetGrant grant : effective.network().effective()) {
            exposed = exposed.union(grant.addresses().intersect(METADATA));
        }
        if (exposed.isEmpty()) {
            return;
        }
        List<NetRule> rules = effective.network().rules();
        // One statement can stand for several rules (dns is an allow of udp and of tcp 53): report it once.
        List<Span> reported = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) instanceof NetRule.Allow allow && !AddressSet.of(allow.prefix()).intersect(exposed).isEmpty()) {
                Source source = effective.netSources().get(i);
                if (reported.stream().anyMatch(source.span()::samePosition)) {
                    continue;
                }
                reported.add(source.span());
                findings.report(info(), server, source.span(),
                        allow.prefix().text() + " reaches the cloud metadata endpoint",
                        "allow a prefix that leaves out 169.254.0.0/16 and \"fd00:ec2::254\", or deny them inside the allow");
            }
        }
    }
}

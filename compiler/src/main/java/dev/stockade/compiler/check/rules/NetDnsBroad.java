package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.compiler.effective.Origin;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code net-dns-broad}: port 53 is open to more than the declared resolver, so the server can
 * tunnel data out through DNS queries to a resolver of its choosing.
 */
public final class NetDnsBroad implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.NET_DNS_BROAD;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        EffectivePolicy effective = server.effective();
        AddressSet resolver = effective.dns().map(AddressSet::of).orElse(AddressSet.empty());
        // Once per protocol, asked for by the first allow of it that opens port 53: an allow's
        // prefix less the resolver meets the open set exactly when the prefix meets the open set
        // less the resolver, so each allow is then one binary search.
        Map<Protocol, AddressSet> beyondResolver = new EnumMap<>(Protocol.class);
        List<NetRule> rules = effective.network().rules();
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof NetRule.Allow allow) || effective.netSources().get(i).origin() != Origin.STATEMENT
                    || !allow.ports().contains(53)) {
                continue;
            }
            AddressSet beyond = beyondResolver.computeIfAbsent(allow.protocol(),
                    protocol -> openOn53(effective, protocol).minus(resolver));
            if (beyond.overlaps(allow.prefix())) {
                findings.report(info(), server, effective.netSources().get(i).span(),
                        "port 53 is open to " + allow.prefix().text() + ", not only to the declared resolver",
                        "name the resolver with dns ADDRESS and drop port 53 from this allow");
            }
        }
    }

    /** Every address the effective policy opens port 53 to for {@code protocol}: one sort of all their ranges. */
    private static AddressSet openOn53(EffectivePolicy effective, Protocol protocol) {
        List<IpRange> open = new ArrayList<>();
        for (NetGrant grant : effective.network().effective()) {
            if (grant.protocol() == protocol && grant.ports().contains(53)) {
                open.addAll(grant.addresses().ranges());
            }
        }
        return AddressSet.ofRanges(open);
    }
}

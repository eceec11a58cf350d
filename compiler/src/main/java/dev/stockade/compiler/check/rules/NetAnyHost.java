package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.model.IpPrefix;

/** {@code net-any-host}: an allow of {@code 0.0.0.0/0} or {@code ::/0} reaches every host. */
public final class NetAnyHost implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.NET_ANY_HOST;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        ModelNetwork.allows(server.server()).forEach(allow -> {
            if (allow.address() instanceof IpPrefix prefix && prefix.length() == 0) {
                findings.report(info(), server, prefix.span(), "allow of " + prefix.text() + " reaches every host",
                        "allow only the hosts the server talks to, e.g. allow "
                                + allow.protocol().keyword() + " " + (prefix.isV6() ? "\"2001:db8::10\"" : "192.0.2.10")
                                + " port " + allow.ports().ranges().get(0).text());
            }
        });
    }
}

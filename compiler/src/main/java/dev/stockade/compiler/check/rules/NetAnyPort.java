package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;

/** {@code net-any-port}: an allow of every port, or of more than 1024 ports. */
public final class NetAnyPort implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.NET_ANY_PORT;
    }

    static final int MAX_PORTS = 1024;

    @Override
    public void check(ServerContext server, Findings findings) {
        ModelNetwork.allows(server.server()).forEach(allow -> {
            int count = allow.ports().size();
            if (count > MAX_PORTS) {
                findings.report(info(), server, allow.ports().span(),
                        count == 65535 ? "allow of every port" : "allow of " + count + " ports",
                        "list the ports the server uses, e.g. port 443 or port 8000-8100");
            }
        });
    }
}

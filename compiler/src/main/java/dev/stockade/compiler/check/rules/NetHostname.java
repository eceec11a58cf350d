package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.model.HostName;

/** {@code net-hostname}: host names cannot be enforced by kernel-level targets in version 1. */
public final class NetHostname implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.NET_HOSTNAME;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        ModelNetwork.addresses(server.server()).forEach(address -> {
            if (address instanceof HostName host) {
                findings.report(info(), server, host.span(), "host name \"" + host.value() + "\" cannot be enforced",
                        "write the address it resolves to, e.g. allow tcp 192.0.2.10 port 443; firewalls filter addresses, not names");
            }
        });
    }
}

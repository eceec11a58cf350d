package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.model.IpPrefix;

/** {@code net-broad-cidr}: an allow wider than /24 (IPv4) or /64 (IPv6) opens lateral movement; below /16 or /48 it is an error. */
public final class NetBroadCidr implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.NET_BROAD_CIDR;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        ModelNetwork.allows(server.server()).forEach(allow -> {
            if (!(allow.address() instanceof IpPrefix prefix) || prefix.length() == 0) {
                return;
            }
            int narrowEnough = prefix.isV6() ? 64 : 24;
            int errorBelow = prefix.isV6() ? 48 : 16;
            if (prefix.length() >= narrowEnough) {
                return;
            }
            Severity severity = prefix.length() < errorBelow ? Severity.ERROR : Severity.WARNING;
            findings.report(info(), severity, server, prefix.span(),
                    "allow of " + prefix.text() + " reaches a whole network of hosts",
                    "allow the hosts the server needs (/" + (prefix.isV6() ? 128 : 32) + " each) or at most a /"
                            + narrowEnough);
        });
    }
}

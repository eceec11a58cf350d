package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;

/** {@code audit-missing}: without an audit block nothing records what the server did. */
public final class AuditMissing implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.AUDIT_MISSING;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        if (server.server().audit().isEmpty()) {
            findings.report(info(), server, server.server().name().span(),
                    "server \"" + server.name() + "\" has no audit block",
                    "add audit { log \"/var/log/mcp/" + server.name() + ".log\"; events file-access network-request }");
        }
    }
}

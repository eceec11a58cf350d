package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;

/** {@code limits-missing}: without limits a runaway server can exhaust the host. */
public final class LimitsMissing implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.LIMITS_MISSING;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        if (server.server().limits().isEmpty()) {
            findings.report(info(), server, server.server().name().span(),
                    "server \"" + server.name() + "\" has no limits block",
                    "add limits { memory 512MiB; cpu 50%; tasks 64; timeout 30s }");
        }
    }
}

package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.compiler.effective.Conflict;
import dev.stockade.compiler.effective.EffectivePolicy;

/** {@code net-conflict}: allow and deny of exactly the same prefix; denied there (fail closed). */
public final class NetConflict implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.NET_CONFLICT;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        EffectivePolicy effective = server.effective();
        for (Conflict conflict : effective.network().conflicts()) {
            int deny = conflict.denies().get(0);
            String prefix = effective.network().rules().get(deny).prefix().text();
            findings.report(info(), server, effective.netSources().get(deny).span(),
                    prefix + " is both allowed and denied",
                    "keep one: deny a longer prefix to carve it out of an allow, or allow a longer prefix inside a deny");
        }
    }
}

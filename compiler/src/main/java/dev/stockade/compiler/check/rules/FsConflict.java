package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.compiler.effective.Conflict;
import dev.stockade.compiler.effective.EffectivePolicy;

/** {@code fs-conflict}: a grant and a deny on exactly the same path; the path is denied (fail closed). */
public final class FsConflict implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.FS_CONFLICT;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        EffectivePolicy effective = server.effective();
        for (Conflict conflict : effective.fs().conflicts()) {
            int deny = conflict.denies().get(0);
            String path = effective.fs().rules().get(deny).path();
            findings.report(info(), server, effective.fsSources().get(deny).span(),
                    "\"" + path + "\" is both granted and denied",
                    "keep one: deny a sub-path to carve it out of a grant, or grant a sub-path to re-open part of a deny");
        }
    }
}

package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.effective.Redundancy;
import dev.stockade.compiler.effective.Source;

/** {@code fs-redundant}: a grant an equal or stronger grant already gives, or a deny outside every grant. */
public final class FsRedundant implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.FS_REDUNDANT;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        EffectivePolicy effective = server.effective();
        for (Redundancy redundancy : effective.fs().redundant()) {
            Source source = effective.fsSources().get(redundancy.rule());
            if (source.implied()) {
                continue;
            }
            FsRule rule = effective.fs().rules().get(redundancy.rule());
            if (redundancy.reason() == Redundancy.Reason.DEFAULT_DENY) {
                findings.report(info(), server, source.span(),
                        "deny \"" + rule.path() + "\" is outside every grant",
                        "remove it; everything not granted is already denied");
                continue;
            }
            int by = redundancy.coveredBy().orElseThrow();
            Source cover = effective.fsSources().get(by);
            String coverText = cover.implied() ? "the " + cover.origin().name().toLowerCase(java.util.Locale.ROOT)
                    + " grant implied at line " + cover.span().line()
                    : "\"" + effective.fs().rules().get(by).path() + "\" at line " + cover.span().line();
            findings.report(info(), server, source.span(),
                    rule.mode().keyword() + " \"" + rule.path() + "\" is already covered by " + coverText,
                    "remove it");
        }
    }
}

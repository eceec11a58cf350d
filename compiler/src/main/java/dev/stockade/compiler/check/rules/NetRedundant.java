package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.compiler.effective.NetworkGrants;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.compiler.effective.Origin;
import dev.stockade.compiler.effective.Redundancy;
import dev.stockade.compiler.effective.Source;
import java.util.List;

/** {@code net-redundant}: a deny that no broader allow contains, or an allow another allow already gives. */
public final class NetRedundant implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.NET_REDUNDANT;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        EffectivePolicy effective = server.effective();
        for (Redundancy redundancy : effective.network().redundant()) {
            Source source = effective.netSources().get(redundancy.rule());
            if (source.origin() != Origin.STATEMENT) {
                continue;
            }
            NetRule rule = effective.network().rules().get(redundancy.rule());
            if (redundancy.reason() == Redundancy.Reason.DEFAULT_DENY) {
                findings.report(info(), server, source.span(),
                        "deny " + rule.prefix().text() + " is inside no allow",
                        "remove it; everything not allowed is already denied");
                continue;
            }
            Source cover = effective.netSources().get(redundancy.coveredBy().orElseThrow());
            findings.report(info(), server, source.span(),
                    "allow of " + rule.prefix().text() + " is already given by the statement at line " + cover.span().line(),
                    "remove it");
        }
        reportUnchecked(server, findings);
    }

    /** Allows the bounded search gave up on: once per server, at the first, with how many. */
    private void reportUnchecked(ServerContext server, Findings findings) {
        EffectivePolicy effective = server.effective();
        List<Integer> unchecked = effective.network().unchecked().stream()
                .filter(rule -> effective.netSources().get(rule).origin() == Origin.STATEMENT).toList();
        if (unchecked.isEmpty()) {
            return;
        }
        NetRule first = effective.network().rules().get(unchecked.get(0));
        String more = unchecked.size() == 1 ? "" : " and " + (unchecked.size() - 1) + " more allows";
        findings.report(info(), server, effective.netSources().get(unchecked.get(0)).span(),
                "allow of " + first.prefix().text() + more + " not checked for redundancy: on its prefix or an enclosing one over "
                        + NetworkGrants.COVER_SEARCH_LIMIT + " port sets span its ports without holding them",
                "give one allow all the ports a prefix needs (fewer, wider port sets) so that every allow can be checked");
    }
}

package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;

/** {@code fs-root-grant}: a grant of {@code /} gives the server the whole machine. */
public final class FsRootGrant implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.FS_ROOT_GRANT;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        for (ModelGrants grant : ModelGrants.of(server.server())) {
            if (grant.path().value().equals("/")) {
                findings.report(info(), server, grant.path().span(),
                        grant.mode().keyword() + " grant of \"/\" opens the whole filesystem",
                        "grant only the directories the server needs, e.g. " + grant.mode().keyword() + " \"/srv/"
                                + server.name() + "\"");
            }
        }
    }
}

package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.model.FsMode;
import java.util.Set;

/**
 * {@code fs-broad-grant}: a grant of a top-level system or home root, or of any one-segment path.
 * Reading one is a warning; writing, appending or executing there is an error.
 */
public final class FsBroadGrant implements ServerRule {

    static final Set<String> ROOTS = Set.of("/etc", "/usr", "/var", "/opt", "/home", "/Users", "/root", "/srv",
            "/proc", "/sys", "/dev", "/run", "/tmp");

    @Override
    public RuleInfo info() {
        return RuleCatalog.FS_BROAD_GRANT;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        for (ModelGrants grant : ModelGrants.of(server.server())) {
            if (!isBroad(grant.path().value())) {
                continue;
            }
            Severity severity = grant.mode() == FsMode.READ ? Severity.WARNING : Severity.ERROR;
            String path = grant.path().value();
            findings.report(info(), severity, server, grant.path().span(),
                    grant.mode().keyword() + " grant of \"" + path + "\" covers a whole top-level directory",
                    "grant the sub-directory the server needs, e.g. " + grant.mode().keyword() + " \"" + path + "/"
                            + server.name() + "\"");
        }
    }

    static boolean isBroad(String path) {
        return ROOTS.contains(path) || (path.length() > 1 && path.indexOf('/', 1) < 0);
    }
}

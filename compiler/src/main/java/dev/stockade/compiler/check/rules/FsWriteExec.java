package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.compiler.effective.Access;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.dsl.model.FsMode;

/** {@code fs-write-exec}: one path both writable (or appendable) and executable: a place to drop and run code. */
public final class FsWriteExec implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.FS_WRITE_EXEC;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        EffectivePolicy effective = server.effective();
        Sources sources = null; // indexed at the first finding: most servers have none
        for (FsEntry entry : effective.fs().entries()) {
            Access access = entry.access();
            boolean writable = access.has(FsMode.WRITE) || access.has(FsMode.APPEND);
            if (writable && access.has(FsMode.EXECUTE)) {
                String path = entry.path();
                sources = sources == null ? Sources.of(effective) : sources;
                findings.report(info(), server, sources.firstExplicit(path),
                        "\"" + path + "\" is both writable and executable",
                        "split build output from programs; write to \"" + child(path, "out")
                                + "\" and execute \"" + child(path, "bin") + "\"");
            }
        }
    }

    private static String child(String path, String name) {
        return path.equals("/") ? "/" + name : path + "/" + name;
    }
}

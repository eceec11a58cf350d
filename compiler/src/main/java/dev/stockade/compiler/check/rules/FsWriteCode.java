package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.compiler.effective.Access;
import dev.stockade.compiler.effective.CodePaths;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.source.Span;

/** {@code fs-write-code}: the program, its script or the workdir is writable, or sits in a writable directory: the server could rewrite itself. */
public final class FsWriteCode implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.FS_WRITE_CODE;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        EffectivePolicy effective = server.effective();
        CodePaths code = effective.code();
        code.program().ifPresent(p -> check(server, findings, "the command", p.value(), p.span()));
        code.script().ifPresent(s -> check(server, findings, "the script", s.value(), s.span()));
        code.workdir().ifPresent(w -> check(server, findings, "the workdir", w,
                server.server().workdir().map(v -> v.span()).orElseGet(() -> code.script().orElseThrow().span())));
    }

    private void check(ServerContext server, Findings findings, String what, String path, Span codeSpan) {
        EffectivePolicy effective = server.effective();
        String parent = parent(path);
        String writable = writable(effective.modeOf(path)) ? path : writable(effective.modeOf(parent)) ? parent : null;
        if (writable == null) {
            return;
        }
        Span span = Sources.explicitGrantOrElse(effective, writable, codeSpan);
        findings.report(info(), server, span,
                what + " \"" + path + "\" is writable" + (writable.equals(path) ? "" : " through \"" + writable + "\""),
                "keep code read-only: grant write to a separate directory such as \"/var/lib/" + server.name() + "\"");
    }

    private static boolean writable(Access access) {
        return access.has(FsMode.WRITE) || access.has(FsMode.APPEND);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}

package dev.stockade.compiler.effective;

import dev.stockade.dsl.PathSyntax;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.FsStatement;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Builds the filesystem half of the effective policy: the statements, then the implied code grants. */
record FsResolver(FsGrants grants, List<Source> sources) {

    static FsResolver resolve(Server server, CodePaths code) {
        List<FsRule> rules = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        server.filesystem().ifPresent(fs -> {
            for (FsStatement statement : fs.statements()) {
                for (PathValue path : statement.paths()) {
                    if (valid(path.value())) {
                        rules.add(FsRule.of(statement.mode(), path.value()));
                        sources.add(new Source(Origin.STATEMENT, path.span()));
                    }
                }
            }
        });
        code.program().ifPresent(p -> implied(rules, sources, p.value(), Origin.COMMAND, p.span()));
        code.script().ifPresent(s -> implied(rules, sources, s.value(), Origin.SCRIPT, s.span()));
        code.workdir().ifPresent(w -> implied(rules, sources, w, Origin.WORKDIR, workdirSpan(server, code)));
        return new FsResolver(FsGrants.of(rules), sources);
    }

    private static Span workdirSpan(Server server, CodePaths code) {
        if (server.workdir().isPresent()) {
            return server.workdir().get().span();
        }
        return code.script().orElseThrow().span();
    }

    private static void implied(List<FsRule> rules, List<Source> sources, String path, Origin origin, Span span) {
        if (!valid(path)) {
            return;
        }
        for (FsMode mode : new FsMode[] {FsMode.READ, FsMode.EXECUTE}) {
            rules.add(FsRule.of(mode, path));
            sources.add(new Source(origin, span));
        }
    }

    /** Paths the parser rejected (relative, with .., globs) never reach the effective policy. */
    private static boolean valid(String path) {
        return PathSyntax.isValid(path);
    }
}

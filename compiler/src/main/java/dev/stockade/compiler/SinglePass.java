package dev.stockade.compiler;

import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.Fanout;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.Waivers;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Target;
import dev.stockade.compiler.target.TargetRunner;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.PolicyFile;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A streamed compile in one pass over the files: each file is parsed, its servers checked and, while
 * nothing blocks, compiled straight away on the same worker, and its model let go; what the fleet
 * rules, the duplicate-server check, the waivers and the fleet targets need is kept per file and
 * merged in file order at the end. So the fleet's model is never held at once (a large fleet's model
 * is what every young collection copied while it was parsed and what kept G1 marking,
 * docs/performance.md), and each server is resolved once, not once per pass.
 *
 * <p>The compile is speculative: an error found later (in a later file, across servers, or by a fleet
 * rule) blocks the outcome after artifacts of earlier files went to the sink. The outcome then says
 * so ({@link Stockade.Streamed#hasBlockingErrors()}) and the caller must drop them, as the plugin does
 * with its staging directory. Once a file is known to block, no further file is compiled; a server
 * whose name an earlier-compiled one already has is never compiled, so no two artifacts share a path.
 * The findings are exactly those of the two-pass compile: the same rules merged in the same order.
 */
final class SinglePass {

    /** What is kept of one file once its model is let go. */
    private record FileResult(List<Diagnostic> diagnostics, List<ServerContext> servers, List<Name> names,
            List<Waivers.Declared> waivers, Checker.Chunk checked, TargetRunner.Compiled compiled) {
    }

    private final List<Target> targets;
    private final Consumer<Artifact> sink;
    private final AtomicBoolean blocked = new AtomicBoolean();
    private final Set<String> compiledNames = ConcurrentHashMap.newKeySet();

    private SinglePass(List<Target> targets, Consumer<Artifact> sink) {
        this.targets = targets;
        this.sink = sink;
    }

    /** Whether {@code targets} allow it: every one compiles server by server. */
    static boolean applies(List<Target> targets) {
        return TargetRunner.serverByServer(targets);
    }

    static Stockade.Streamed run(List<SourceFile> files, List<Target> targets, Fanout fanout, Consumer<Artifact> sink) {
        return new SinglePass(targets, sink).run(files, fanout);
    }

    private Stockade.Streamed run(List<SourceFile> files, Fanout fanout) {
        // A task per file: the threads take the files in order, and none waits at the end for a long chunk.
        List<FileResult> results = fanout.each(files, this::file);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<ServerContext> servers = new ArrayList<>();
        List<Name> names = new ArrayList<>();
        List<Waivers.Declared> waivers = new ArrayList<>();
        List<Checker.Chunk> checked = new ArrayList<>(results.size());
        List<TargetRunner.Compiled> compiled = new ArrayList<>(results.size());
        for (FileResult file : results) {
            diagnostics.addAll(file.diagnostics());
            servers.addAll(file.servers());
            names.addAll(file.names());
            waivers.addAll(file.waivers());
            checked.add(file.checked());
            compiled.add(file.compiled());
        }
        diagnostics.addAll(PolicyParser.duplicateServers(names));
        Findings findings = Checker.merge(servers, checked);
        List<Diagnostic> all = Stockade.waived(diagnostics, waivers, findings, false);
        boolean blocks = all.stream().anyMatch(Diagnostic::isBlockingError);
        if (blocked.get() && !blocks) {
            throw new IllegalStateException("a file was judged to block the compile, but the fleet's findings do not");
        }
        if (!blocks && !targets.isEmpty()) {
            TargetRunner.finish(targets, servers, compiled, findings, fanout, sink);
            all = Stockade.waived(diagnostics, waivers, findings, true);
        }
        all.sort(Diagnostic.ORDER);
        return new Stockade.Streamed(all, servers.size());
    }

    /** One file parsed and checked, and compiled unless something blocks. */
    private FileResult file(SourceFile source) {
        PolicyParser.FileParse parse = PolicyParser.parseFile(source);
        List<Server> models = parse.file().map(PolicyFile::servers).orElse(List.of());
        List<ServerContext> servers = new ArrayList<>(models.size());
        List<Name> names = new ArrayList<>(models.size());
        List<Waivers.Declared> waivers = new ArrayList<>(models.size());
        for (Server model : models) {
            servers.add(new ServerContext(model));
            names.add(model.name());
            waivers.add(Waivers.Declared.of(model));
        }
        // The resolved policies stay for the compile: each server is resolved once.
        Checker.Chunk checked = Checker.chunk(servers, false);
        TargetRunner.Compiled compiled = null;
        if (blocks(parse.diagnostics(), waivers, checked) || !claim(names)) {
            blocked.set(true);
        } else if (!blocked.get() && !targets.isEmpty()) {
            compiled = TargetRunner.compile(targets, servers, sink);
        }
        if (compiled == null) {
            servers.forEach(ServerContext::retire);
        }
        return new FileResult(parse.diagnostics(), servers, names, waivers, checked, compiled);
    }

    /**
     * Whether the file's own findings block: a parse error, or a server rule's error its server does
     * not waive (a server's waivers apply to its own findings only, so this is the fleet's verdict on them).
     */
    private static boolean blocks(List<Diagnostic> parsed, List<Waivers.Declared> waivers, Checker.Chunk checked) {
        return parsed.stream().anyMatch(Diagnostic::isBlockingError)
                || Waivers.applyDeclared(waivers, checked.serverFindings(), false).stream().anyMatch(Diagnostic::isBlockingError);
    }

    /** Claims the file's server names; false when one is already claimed (a duplicate-server error). */
    private boolean claim(List<Name> names) {
        boolean all = true;
        for (Name name : names) {
            all &= compiledNames.add(name.value());
        }
        return all;
    }
}

package dev.stockade.compiler;

import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.Fanout;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.Waivers;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Target;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.compiler.target.TargetRunner;
import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pipeline, Maven-free: parse, resolve, check, compile, waive. Callers (the Maven plugin,
 * tests, benchmarks) use this and nothing below it.
 */
public final class Stockade {

    /** Everything a run produced: the parse, all findings (sorted, waivers applied), the artifacts. */
    public record Outcome(ParseResult parse, List<Diagnostic> diagnostics, List<Artifact> artifacts) {

        public Outcome {
            diagnostics = List.copyOf(diagnostics);
            artifacts = List.copyOf(artifacts);
        }

        public boolean hasBlockingErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isBlockingError);
        }
    }

    /**
     * Up to this many servers, the check pass keeps every resolved policy for the compile pass
     * (about 40 MiB per 1,000 servers of 100 statements); above it, both passes resolve each server
     * when they reach it and release it after, which bounds the memory and costs a second resolve.
     */
    static final int KEEP_RESOLVED_UP_TO = 2_000;

    private Stockade() {
    }

    /** Parse and check: every finding, no artifacts. */
    public static Outcome check(List<SourceFile> files) {
        return compile(files, List.of());
    }

    /**
     * Parse, check and compile the named targets, on as many threads as the machine has cores.
     * Targets run only when nothing blocks (an error that was not waived): a policy with errors
     * never produces artifacts.
     */
    public static Outcome compile(List<SourceFile> files, Collection<String> targetNames) {
        return compile(files, targetNames, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@link #compile(List, Collection)} on at most {@code threads} threads: servers are parsed
     * (file by file), resolved, checked and compiled in parallel chunks, and the outcome is
     * identical, byte for byte and in order, to the outcome on one thread.
     */
    public static Outcome compile(List<SourceFile> files, Collection<String> targetNames, int threads) {
        return collect(files, targetNames, threads, KEEP_RESOLVED_UP_TO);
    }

    /** {@link #compile(List, Collection, int)}, releasing resolved policies whatever the fleet's size (tests). */
    static Outcome compileReleasing(List<SourceFile> files, Collection<String> targetNames, int threads) {
        return collect(files, targetNames, threads, 0);
    }

    private static Outcome collect(List<SourceFile> files, Collection<String> targetNames, int threads,
            int keepResolvedUpTo) {
        List<Target> targets = TargetRegistry.select(targetNames);
        List<Artifact> artifacts = new ArrayList<>();
        try (Fanout fanout = Fanout.of(threads)) {
            ParseResult parse = parse(files, fanout);
            List<Diagnostic> diagnostics = run(Parsed.of(parse), targets, fanout, artifacts::add, true, keepResolvedUpTo);
            artifacts.sort(Artifact.BY_PATH);
            return new Outcome(parse, diagnostics, artifacts);
        }
    }

    /**
     * What a streamed run leaves: every finding, sorted, waivers applied, and how many servers the
     * policies declare; no model and no artifacts.
     */
    public record Streamed(List<Diagnostic> diagnostics, int servers) {

        public Streamed {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasBlockingErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isBlockingError);
        }
    }

    /**
     * {@link #compile(List, Collection, int)} for fleets too large to hold their output, or their
     * model: every artifact goes to {@code sink} as soon as it is made, from the worker threads (so
     * the sink must be thread-safe, and the order in which it sees artifacts is not fixed; their
     * bytes are), and each server's model is let go once its artifacts are made. The findings are
     * those {@link #compile(List, Collection, int)} gives.
     *
     * <p>With enough files to keep the threads busy, the compile is one pass ({@link SinglePass}):
     * each file's servers are compiled as soon as they are checked, before the rest of the fleet is.
     * So when an error blocks ({@link Streamed#hasBlockingErrors()}), artifacts of the files before it
     * may already have reached the sink, and the caller must drop them (the plugin stages what it
     * writes, and deletes the staging then). No two artifacts that reach the sink share a path.
     */
    public static Streamed compile(List<SourceFile> files, Collection<String> targetNames, int threads,
            Consumer<Artifact> sink) {
        return stream(files, targetNames, threads, sink, threads <= 1 || files.size() >= threads * SINGLE_PASS_FILES_PER_THREAD);
    }

    /**
     * A streamed compile on several threads goes in one pass from this many files per thread (on
     * one thread, always): each file is one task then, and with fewer the threads would wait for the
     * largest (one file of a hundred servers on two threads would take one). Below it, the servers
     * are spread over the threads in two passes, checked and then compiled.
     */
    static final int SINGLE_PASS_FILES_PER_THREAD = 4;

    /** {@link #compile(List, Collection, int, Consumer)}, in one pass or two as {@code singlePass} says (tests). */
    static Streamed stream(List<SourceFile> files, Collection<String> targetNames, int threads, Consumer<Artifact> sink,
            boolean singlePass) {
        List<Target> targets = TargetRegistry.select(targetNames);
        try (Fanout fanout = Fanout.of(threads)) {
            if (singlePass && !files.isEmpty() && SinglePass.applies(targets)) {
                return SinglePass.run(files, targets, fanout, sink);
            }
            // The parse result is not kept: from here the servers' contexts are all that hold the
            // model, and each lets its server go once compiled (TargetRunner.stream).
            Parsed parsed = Parsed.of(parse(files, fanout));
            return new Streamed(run(parsed, targets, fanout, sink, false, KEEP_RESOLVED_UP_TO), parsed.servers().size());
        }
    }

    private static ParseResult parse(List<SourceFile> files, Fanout fanout) {
        return PolicyParser.combine(fanout.map(files, PolicyParser::parseFile));
    }

    /** What the passes need of a parse: its diagnostics, the servers, and their waivers apart from the model. */
    private record Parsed(List<Diagnostic> diagnostics, List<ServerContext> servers, List<Waivers.Declared> waivers) {

        static Parsed of(ParseResult parse) {
            List<Server> servers = parse.policies().servers();
            return new Parsed(parse.diagnostics(), servers.stream().map(ServerContext::new).toList(),
                    servers.stream().map(Waivers.Declared::of).toList());
        }
    }

    /**
     * Checks, then (when nothing blocks) compiles; every finding in report order. Two passes over
     * the servers: a fleet of more than {@code keepResolvedUpTo} resolves each server's effective
     * policy when its chunk reaches it and drops it after, in both passes (resolving twice costs
     * less than holding them all).
     */
    private static List<Diagnostic> run(Parsed parsed, List<Target> targets, Fanout fanout, Consumer<Artifact> sink,
            boolean ordered, int keepResolvedUpTo) {
        List<ServerContext> servers = parsed.servers();
        boolean releasing = servers.size() > keepResolvedUpTo;
        Findings findings = Checker.findings(servers, fanout, releasing);
        List<Diagnostic> checked = waived(parsed, findings, false);
        if (checked.stream().anyMatch(Diagnostic::isBlockingError) || targets.isEmpty()) {
            checked.sort(Diagnostic.ORDER);
            return checked;
        }
        if (ordered) {
            TargetRunner.run(targets, servers, findings, fanout, releasing).forEach(sink);
        } else {
            TargetRunner.stream(targets, servers, findings, fanout, sink, releasing);
        }
        List<Diagnostic> all = waived(parsed, findings, true);
        all.sort(Diagnostic.ORDER);
        return all;
    }

    /** Every finding with the waivers applied, not yet in report order. */
    private static List<Diagnostic> waived(Parsed parsed, Findings findings, boolean targetsRan) {
        return waived(parsed.diagnostics(), parsed.waivers(), findings, targetsRan);
    }

    /** The parse's diagnostics, then the rules' and targets' findings with the servers' waivers applied. */
    static List<Diagnostic> waived(List<Diagnostic> parsed, List<Waivers.Declared> waivers, Findings findings,
            boolean targetsRan) {
        List<Diagnostic> all = new ArrayList<>(parsed);
        all.addAll(Waivers.applyDeclared(waivers, findings.all(), targetsRan));
        return all;
    }
}

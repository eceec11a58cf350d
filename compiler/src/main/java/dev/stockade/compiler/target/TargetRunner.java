package dev.stockade.compiler.target;

import dev.stockade.compiler.check.Fanout;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the selected targets over the servers. A {@link ServerTarget} that keeps the per-server
 * default for the whole list compiles each server on its own, so chunks of servers go to
 * {@link Fanout}'s threads, every chunk with its own findings buffer; a target that looks at the
 * whole fleet (or overrides the list method) runs on the caller's thread. Artifacts and findings
 * are merged target by target and chunk by chunk: exactly the order, and the bytes, of one thread.
 */
public final class TargetRunner {

    private record Part(List<Artifact> artifacts, Findings findings) {
    }

    private TargetRunner() {
    }

    /** The targets' artifacts in target and server order; their findings are added to {@code findings}. */
    public static List<Artifact> run(List<Target> targets, List<ServerContext> servers, Findings findings, Fanout fanout) {
        List<Artifact> artifacts = new ArrayList<>();
        run(targets, servers, findings, fanout, artifacts::add, true);
        return artifacts;
    }

    /**
     * Streams the artifacts to {@code sink} as each chunk of servers makes them, from the worker
     * threads (the sink must be thread-safe; the order between chunks is not fixed), so a large
     * fleet's output is never held in memory at once. Findings are merged as in {@link #run(List,
     * List, Findings, Fanout)}.
     */
    public static void stream(List<Target> targets, List<ServerContext> servers, Findings findings, Fanout fanout,
            Consumer<Artifact> sink) {
        run(targets, servers, findings, fanout, sink, false);
    }

    private static void run(List<Target> targets, List<ServerContext> servers, Findings findings, Fanout fanout,
            Consumer<Artifact> sink, boolean ordered) {
        List<List<Part>> byChunk = fanout.chunks(servers, chunk -> {
            List<Part> parts = new ArrayList<>(targets.size());
            for (Target target : targets) {
                parts.add(perServer(target) ? compile((ServerTarget) target, chunk, ordered ? null : sink) : null);
            }
            return parts;
        });
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            if (!perServer(target)) {
                target.compile(servers, new TargetReport(findings)).forEach(sink);
                continue;
            }
            for (List<Part> chunk : byChunk) {
                chunk.get(t).artifacts().forEach(sink);
                findings.addAll(chunk.get(t).findings());
            }
        }
    }

    /** One target over one chunk: its findings, and its artifacts unless they went to {@code sink}. */
    private static Part compile(ServerTarget target, List<ServerContext> chunk, Consumer<Artifact> sink) {
        Findings found = new Findings();
        TargetReport report = new TargetReport(found);
        List<Artifact> artifacts = new ArrayList<>();
        for (ServerContext server : chunk) {
            List<Artifact> made = target.compile(server, report);
            if (sink == null) {
                artifacts.addAll(made);
            } else {
                made.forEach(sink);
            }
        }
        return new Part(artifacts, found);
    }

    /** Servers compile independently unless the target replaced the per-server loop with its own. */
    static boolean perServer(Target target) {
        if (!(target instanceof ServerTarget)) {
            return false;
        }
        try {
            return target.getClass().getMethod("compile", List.class, TargetReport.class).getDeclaringClass()
                    == ServerTarget.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("every target has compile(List, TargetReport)", e);
        }
    }
}

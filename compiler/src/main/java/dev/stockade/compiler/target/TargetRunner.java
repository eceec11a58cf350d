package dev.stockade.compiler.target;

import dev.stockade.compiler.check.Fanout;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the selected targets over the servers. Chunks of servers go to {@link Fanout}'s threads;
 * each worker takes its servers one at a time and runs every target on it: a {@link ServerTarget}
 * that keeps the per-server default for the whole list compiles the server, a {@link FleetTarget}
 * takes its part of it. The server's effective policy is then released when {@code release} is set,
 * so only the servers being compiled hold one. Fleet targets merge their parts on the caller's
 * thread; any other target sees the whole list there. Artifacts and findings are merged target by
 * target and chunk by chunk: exactly the order, and the bytes, of one thread.
 */
public final class TargetRunner {

    /** One target over one chunk: its findings, its artifacts unless they went to the sink, a fleet target's parts. */
    private record Part(List<Artifact> artifacts, Findings findings, List<Object> parts) {
    }

    private TargetRunner() {
    }

    /**
     * The targets' artifacts in target and server order; their findings are added to {@code findings}.
     * With {@code release}, each server's effective policy is dropped once every target has seen it.
     */
    public static List<Artifact> run(List<Target> targets, List<ServerContext> servers, Findings findings, Fanout fanout,
            boolean release) {
        List<Artifact> artifacts = new ArrayList<>();
        run(targets, servers, findings, fanout, artifacts::add, true, release);
        return artifacts;
    }

    /**
     * Streams the artifacts to {@code sink} as each chunk of servers makes them, from the worker
     * threads (the sink must be thread-safe; the order between chunks is not fixed), so a large
     * fleet's output is never held in memory at once. Findings are merged as in {@link #run(List,
     * List, Findings, Fanout, boolean)}. Each server is {@linkplain ServerContext#retire() retired}
     * once every target has seen it, so the fleet's model goes as its output does: the caller must
     * not read the servers' models after (a target that compiles the whole list at the end would,
     * so with one of those the servers only release their resolved policies, as {@code release} says).
     */
    public static void stream(List<Target> targets, List<ServerContext> servers, Findings findings, Fanout fanout,
            Consumer<Artifact> sink, boolean release) {
        run(targets, servers, findings, fanout, sink, false, release);
    }

    private static void run(List<Target> targets, List<ServerContext> servers, Findings findings, Fanout fanout,
            Consumer<Artifact> sink, boolean ordered, boolean release) {
        boolean retire = !ordered && serverByServer(targets);
        List<Compiled> byChunk = fanout.chunks(servers,
                chunk -> new Compiled(compile(targets, chunk, ordered ? null : sink, release, retire)));
        finish(targets, servers, byChunk, findings, fanout, sink);
    }

    /**
     * Whether every target compiles server by server ({@link ServerTarget}s that keep the per-server
     * loop, and {@link FleetTarget}s), so that {@link #compile(List, List, Consumer)} can run on any
     * run of servers as soon as they are checked.
     */
    public static boolean serverByServer(List<Target> targets) {
        return targets.stream().allMatch(t -> perServer(t) || t instanceof FleetTarget<?>);
    }

    /**
     * What the targets made of one run of servers, apart from the artifacts that went to the sink:
     * their findings and the fleet targets' parts, until {@link #finish} merges them in order.
     */
    public static final class Compiled {
        private final List<Part> parts;

        private Compiled(List<Part> parts) {
            this.parts = parts;
        }
    }

    /**
     * Every target over {@code chunk}, a run of consecutive servers, server by server: the artifacts
     * go to {@code sink} from this thread, and each server is {@linkplain ServerContext#retire()
     * retired} once every target has seen it. For targets that are all {@link #serverByServer}. {@link
     * #finish} of the chunks in order, however the servers were cut into them, gives what {@link
     * #stream} gives.
     */
    public static Compiled compile(List<Target> targets, List<ServerContext> chunk, Consumer<Artifact> sink) {
        if (!serverByServer(targets)) {
            throw new IllegalArgumentException("a target compiles the whole list: " + targets);
        }
        return new Compiled(compile(targets, chunk, sink, true, true));
    }

    /**
     * The chunks' findings added to {@code findings} target by target, chunk by chunk; their
     * collected artifacts to {@code sink}; then each fleet target's merge of its parts (and any
     * target that runs on the whole list), on this thread.
     */
    public static void finish(List<Target> targets, List<ServerContext> servers, List<Compiled> byChunk, Findings findings,
            Fanout fanout, Consumer<Artifact> sink) {
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            if (byChunk.get(0).parts.get(t) == null) {
                target.compile(servers, new TargetReport(findings)).forEach(sink);
                continue;
            }
            List<Object> parts = new ArrayList<>(target instanceof FleetTarget<?> ? servers.size() : 0);
            for (Compiled chunk : byChunk) {
                Part part = chunk.parts.get(t);
                part.artifacts().forEach(sink);
                findings.addAll(part.findings());
                parts.addAll(part.parts());
            }
            if (target instanceof FleetTarget<?> fleet) {
                merge(fleet, servers, parts, new TargetReport(findings), fanout).forEach(sink);
            }
        }
    }

    /** Every target over one chunk, server by server; {@code null} for a target that runs on the whole list. */
    private static List<Part> compile(List<Target> targets, List<ServerContext> chunk, Consumer<Artifact> sink,
            boolean release, boolean retire) {
        List<Part> parts = new ArrayList<>(targets.size());
        for (Target target : targets) {
            parts.add(perServer(target) || target instanceof FleetTarget<?>
                    ? new Part(new ArrayList<>(), new Findings(), new ArrayList<>()) : null);
        }
        for (ServerContext server : chunk) {
            for (int t = 0; t < targets.size(); t++) {
                Part part = parts.get(t);
                if (part == null) {
                    continue;
                }
                TargetReport report = new TargetReport(part.findings());
                if (targets.get(t) instanceof FleetTarget<?> fleet) {
                    part.parts().add(fleet.part(server, report));
                    continue;
                }
                List<Artifact> made = ((ServerTarget) targets.get(t)).compile(server, report);
                if (sink == null) {
                    part.artifacts().addAll(made);
                } else {
                    made.forEach(sink);
                }
            }
            if (retire) {
                server.retire();
            } else if (release) {
                server.release();
            }
        }
        // Kept until every chunk is done: packed, as a fleet's findings are (Findings#pack).
        parts.stream().filter(part -> part != null).forEach(part -> part.findings().pack());
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static <P> List<Artifact> merge(FleetTarget<P> target, List<ServerContext> servers, List<Object> parts,
            TargetReport report, Fanout fanout) {
        return target.merge(servers, (List<P>) parts, report, fanout);
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

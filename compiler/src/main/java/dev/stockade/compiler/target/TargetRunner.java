package dev.stockade.compiler.target;

import dev.stockade.compiler.check.Fanout;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import java.util.ArrayList;
import java.util.List;

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
        List<List<Part>> byChunk = fanout.chunks(servers, chunk -> {
            List<Part> parts = new ArrayList<>(targets.size());
            for (Target target : targets) {
                parts.add(perServer(target) ? compile((ServerTarget) target, chunk) : null);
            }
            return parts;
        });
        List<Artifact> artifacts = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            Target target = targets.get(t);
            if (!perServer(target)) {
                artifacts.addAll(target.compile(servers, new TargetReport(findings)));
                continue;
            }
            for (List<Part> chunk : byChunk) {
                artifacts.addAll(chunk.get(t).artifacts());
                findings.addAll(chunk.get(t).findings());
            }
        }
        return artifacts;
    }

    private static Part compile(ServerTarget target, List<ServerContext> chunk) {
        Findings found = new Findings();
        TargetReport report = new TargetReport(found);
        List<Artifact> artifacts = new ArrayList<>();
        for (ServerContext server : chunk) {
            artifacts.addAll(target.compile(server, report));
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

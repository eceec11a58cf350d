package dev.stockade.compiler.target;

import dev.stockade.compiler.check.Fanout;
import dev.stockade.compiler.check.ServerContext;
import java.util.List;

/**
 * A target whose output depends on the whole fleet (one compose file for every service, subnets
 * that avoid every server's grants). It works in two steps so that the fleet's resolved policies
 * are never all held at once: {@link #part} takes what the target needs of one server, on the worker
 * that compiles the server while its effective policy is resolved; {@link #merge} then makes the
 * artifacts from the parts, on the caller's thread. A part must not keep the server's effective
 * policy (it would keep it alive); findings it may or may not report later go into a
 * {@link dev.stockade.compiler.check.Findings} of its own, handed over with {@link TargetReport#include}.
 *
 * @param <P> what the target keeps of one server
 */
public interface FleetTarget<P> extends Target {

    /** What the target needs of {@code server}; findings that hold whatever the fleet gives go to {@code report}. */
    P part(ServerContext server, TargetReport report);

    /**
     * The artifacts; {@code parts.get(i)} is {@code servers.get(i)}'s part. Work that is independent
     * per server may go to {@code fanout}'s threads; {@code report} is for this thread only.
     */
    List<Artifact> merge(List<ServerContext> servers, List<P> parts, TargetReport report, Fanout fanout);

    @Override
    default List<Artifact> compile(List<ServerContext> servers, TargetReport report) {
        return merge(servers, servers.stream().map(server -> part(server, report)).toList(), report,
                Fanout.sequential());
    }
}

package dev.stockade.compiler.target;

import dev.stockade.compiler.check.ServerContext;
import java.util.ArrayList;
import java.util.List;

/** A target whose artifacts belong to one server each (most of them). */
public interface ServerTarget extends Target {

    List<Artifact> compile(ServerContext server, TargetReport report);

    @Override
    default List<Artifact> compile(List<ServerContext> servers, TargetReport report) {
        List<Artifact> artifacts = new ArrayList<>();
        for (ServerContext server : servers) {
            artifacts.addAll(compile(server, report));
        }
        return artifacts;
    }
}

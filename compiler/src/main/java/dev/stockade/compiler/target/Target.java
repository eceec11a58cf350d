package dev.stockade.compiler.target;

import dev.stockade.compiler.check.ServerContext;
import java.util.List;

/**
 * One output kind (systemd, netfilter, ...): a pure function from the servers' effective policies
 * to artifacts. What a target cannot express exactly it reports through {@link TargetReport}
 * ({@code target-approximation}, {@code target-skipped}); it never widens a grant silently.
 */
public interface Target {

    /** The name users select it by in {@code targets}: {@code systemd}, {@code netfilter}, ... */
    String name();

    List<Artifact> compile(List<ServerContext> servers, TargetReport report);
}

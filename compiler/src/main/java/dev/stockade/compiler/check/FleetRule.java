package dev.stockade.compiler.check;

import java.util.List;

/**
 * A rule that compares servers compiled together (shared users, identical profiles). It takes what
 * it needs of each server in {@link #summary}, on the worker that checks the server while its
 * effective policy is resolved, and compares the summaries in {@link #check}: the fleet's resolved
 * policies are never all held at once.
 *
 * @param <S> what the rule keeps of one server
 */
public non-sealed interface FleetRule<S> extends Rule {

    /** What the rule needs of {@code server} to compare it with the others. */
    S summary(ServerContext server);

    /** Compares the servers; {@code summaries.get(i)} is {@code servers.get(i)}'s summary. */
    void check(List<ServerContext> servers, List<S> summaries, Findings findings);
}

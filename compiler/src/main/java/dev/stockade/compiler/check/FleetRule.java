package dev.stockade.compiler.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Compares the servers; {@code summaries.get(i)} is {@code servers.get(i)}'s summary. Reads
     * nothing of the servers but their names: whatever a finding needs (its span too) is in the
     * summaries, so the fleet's models need not be held for the comparison.
     */
    void check(List<ServerContext> servers, List<S> summaries, Findings findings);

    /** A server whose summary an earlier server already had. */
    interface Repeat<S> {
        void found(ServerContext server, S summary, ServerContext earlier);
    }

    /**
     * Calls {@code repeat} with each server whose summary an earlier server already had, and the
     * first server that had it, in list order. A second server of the same name is skipped: that
     * is a duplicate-server error already, not a second server sharing something.
     */
    static <S> void repeats(List<ServerContext> servers, List<S> summaries, Repeat<S> repeat) {
        Map<S, ServerContext> first = new HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            ServerContext server = servers.get(i);
            S summary = summaries.get(i);
            ServerContext earlier = first.putIfAbsent(summary, server);
            if (earlier != null && !earlier.name().equals(server.name())) {
                repeat.found(server, summary, earlier);
            }
        }
    }
}

package dev.stockade.compiler.check;

import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.PolicySet;
import dev.stockade.dsl.model.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks stage: resolves every server's effective policy, runs every registered rule, and
 * applies the waivers. Cost is linear in the number of statements, plus sorting.
 */
public final class Checker {

    private Checker() {
    }

    /** Every server with its effective policy resolved, for tests and benchmarks that look at them. */
    public static List<ServerContext> resolve(PolicySet policies) {
        return policies.servers().stream().map(s -> new ServerContext(s, EffectivePolicy.resolve(s))).toList();
    }

    /** Every rule's findings, before waivers; targets add theirs before {@link Waivers#apply}. */
    public static Findings findings(List<ServerContext> servers) {
        return findings(servers, Fanout.sequential(), false);
    }

    /**
     * {@link #findings(List)}, the servers spread over {@code fanout}'s threads: each chunk of
     * servers reports into one buffer per rule, merged rule by rule in chunk order, so the findings
     * come out in the same order as on one thread. Each worker takes its servers one at a time:
     * every server rule checks it and every fleet rule takes its summary of it, and with
     * {@code release} its effective policy is then dropped, so a fleet's resolved policies are never
     * all held at once. Fleet rules compare the summaries on this thread.
     */
    public static Findings findings(List<ServerContext> servers, Fanout fanout, boolean release) {
        return merge(servers, fanout.chunks(servers, chunk -> chunk(chunk, release)));
    }

    /**
     * Every server rule's findings and every fleet rule's summaries for {@code chunk}, a run of
     * consecutive servers, one server at a time; with {@code release} each server's effective
     * policy is dropped once checked. {@link #merge} of the chunks in order, however the servers
     * were cut into them, gives {@link #findings(List)}.
     */
    public static Chunk chunk(List<ServerContext> chunk, boolean release) {
        List<Rule> rules = RuleRegistry.ALL;
        Chunk found = new Chunk(new ArrayList<>(rules.size()), new ArrayList<>(rules.size()));
        for (int r = 0; r < rules.size(); r++) {
            found.findings().add(new Findings());
            found.summaries().add(new ArrayList<>());
        }
        for (ServerContext server : chunk) {
            for (int r = 0; r < rules.size(); r++) {
                if (rules.get(r) instanceof ServerRule perServer) {
                    perServer.check(server, found.findings().get(r));
                } else if (rules.get(r) instanceof FleetRule<?> fleet) {
                    found.summaries().get(r).add(fleet.summary(server));
                }
            }
            if (release) {
                server.release();
            }
        }
        found.findings().forEach(Findings::pack);
        return found;
    }

    /**
     * The chunks' findings rule by rule, each rule's in chunk order, with every fleet rule
     * comparing the summaries of all {@code servers} (the chunks' servers, in order) on this thread.
     */
    public static Findings merge(List<ServerContext> servers, List<Chunk> byChunk) {
        List<Rule> rules = RuleRegistry.ALL;
        Findings findings = new Findings();
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r) instanceof FleetRule<?> fleet) {
                List<Object> summaries = new ArrayList<>(servers.size());
                for (Chunk chunk : byChunk) {
                    summaries.addAll(chunk.summaries().get(r));
                }
                check(fleet, servers, summaries, findings);
            }
            for (Chunk chunk : byChunk) {
                findings.addAll(chunk.findings().get(r));
            }
        }
        return findings;
    }

    /** One chunk's findings per rule, and its servers' summaries per fleet rule, in rule order. */
    public record Chunk(List<Findings> findings, List<List<Object>> summaries) {

        /** The server rules' findings of this chunk, rule by rule (the fleet rules' come only with {@link #merge}). */
        public List<Findings.Owned> serverFindings() {
            List<Findings.Owned> all = new ArrayList<>();
            findings.forEach(rule -> all.addAll(rule.all()));
            return all;
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> void check(FleetRule<S> rule, List<ServerContext> servers, List<Object> summaries,
            Findings findings) {
        rule.check(servers, (List<S>) summaries, findings);
    }

    /** Checks the policies: findings with waivers applied, sorted in report order. */
    public static List<Diagnostic> check(PolicySet policies) {
        List<ServerContext> servers = resolve(policies);
        List<Server> models = servers.stream().map(ServerContext::server).toList();
        return Waivers.apply(models, findings(servers).all()).stream().sorted(Diagnostic.ORDER).toList();
    }
}

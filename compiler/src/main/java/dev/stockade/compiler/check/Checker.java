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

    /** Resolves each server once, for the rules and for the targets that follow. */
    public static List<ServerContext> resolve(PolicySet policies) {
        return resolve(policies, Fanout.sequential());
    }

    /** {@link #resolve(PolicySet)}, the servers spread over {@code fanout}'s threads. */
    public static List<ServerContext> resolve(PolicySet policies, Fanout fanout) {
        return List.copyOf(fanout.map(policies.servers(), s -> new ServerContext(s, EffectivePolicy.resolve(s))));
    }

    /** Every rule's findings, before waivers; targets add theirs before {@link Waivers#apply}. */
    public static Findings findings(List<ServerContext> servers) {
        return findings(servers, Fanout.sequential());
    }

    /**
     * {@link #findings(List)}, the per-server rules spread over {@code fanout}'s threads: each chunk
     * of servers reports into one buffer per rule, merged rule by rule in chunk order, so the
     * findings come out in the same order as on one thread. Fleet rules run on this thread.
     */
    public static Findings findings(List<ServerContext> servers, Fanout fanout) {
        List<Rule> rules = RuleRegistry.ALL;
        List<List<Findings>> byChunk = fanout.chunks(servers, chunk -> {
            List<Findings> perRule = new ArrayList<>(rules.size());
            for (Rule rule : rules) {
                Findings found = new Findings();
                if (rule instanceof ServerRule perServer) {
                    chunk.forEach(server -> perServer.check(server, found));
                }
                perRule.add(found);
            }
            return perRule;
        });
        Findings findings = new Findings();
        for (int r = 0; r < rules.size(); r++) {
            if (!(rules.get(r) instanceof ServerRule) && rules.get(r) instanceof FleetRule fleet) {
                fleet.check(servers, findings);
            }
            for (List<Findings> chunk : byChunk) {
                findings.addAll(chunk.get(r));
            }
        }
        return findings;
    }

    /** Checks the policies: findings with waivers applied, sorted in report order. */
    public static List<Diagnostic> check(PolicySet policies) {
        List<ServerContext> servers = resolve(policies);
        List<Server> models = servers.stream().map(ServerContext::server).toList();
        return Waivers.apply(models, findings(servers).all()).stream().sorted(Diagnostic.ORDER).toList();
    }
}

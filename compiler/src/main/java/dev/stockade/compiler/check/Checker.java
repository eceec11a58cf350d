package dev.stockade.compiler.check;

import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.PolicySet;
import dev.stockade.dsl.model.Server;
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
        return policies.servers().stream().map(s -> new ServerContext(s, EffectivePolicy.resolve(s))).toList();
    }

    /** Every rule's findings, before waivers; targets add theirs before {@link Waivers#apply}. */
    public static Findings findings(List<ServerContext> servers) {
        Findings findings = new Findings();
        for (Rule rule : RuleRegistry.ALL) {
            if (rule instanceof ServerRule perServer) {
                servers.forEach(server -> perServer.check(server, findings));
            } else if (rule instanceof FleetRule fleet) {
                fleet.check(servers, findings);
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

package dev.stockade.compiler.check;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.diagnostic.Suggestions;
import dev.stockade.dsl.model.Accept;
import dev.stockade.dsl.model.Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Applies {@code accept RULE because "reason"}: matching findings of that server become accepted
 * findings (still reported, with the reason); a waiver that cannot apply is itself a finding
 * ({@code accept-unknown}, {@code accept-reason}, {@code accept-never}, {@code accept-unused}).
 */
public final class Waivers {

    private static final TreeSet<String> RULE_IDS = new TreeSet<>(RuleCatalog.ALL.stream().map(RuleInfo::id).toList());

    private Waivers() {
    }

    public static List<Diagnostic> apply(List<Server> servers, List<Findings.Owned> findings) {
        return apply(servers, findings, true);
    }

    /**
     * {@code targetsRan}: whether the targets compiled. When they did not (a validate run), a waiver
     * of a target rule cannot be judged unused.
     */
    public static List<Diagnostic> apply(List<Server> servers, List<Findings.Owned> findings, boolean targetsRan) {
        return applyDeclared(servers.stream().map(Declared::of).toList(), findings, targetsRan);
    }

    /** One server's waivers, apart from its model: a streamed compile lets the model go before they apply. */
    public record Declared(String server, List<Accept> accepts) {

        public Declared {
            accepts = List.copyOf(accepts);
        }

        public static Declared of(Server server) {
            return new Declared(server.name().value(), server.accepts());
        }
    }

    /** {@link #apply(List, List, boolean)} with each server's waivers taken from its model beforehand. */
    public static List<Diagnostic> applyDeclared(List<Declared> servers, List<Findings.Owned> findings,
            boolean targetsRan) {
        // Only the findings some waiver names are indexed: a fleet has hundreds of thousands of
        // findings and few waivers, and most servers have none.
        Map<String, Map<String, List<Integer>>> byServerAndRule = new HashMap<>();
        for (Declared server : servers) {
            for (Accept accept : server.accepts()) {
                byServerAndRule.computeIfAbsent(server.server(), k -> new HashMap<>())
                        .putIfAbsent(accept.rule().value(), new ArrayList<>());
            }
        }
        List<Diagnostic> out = new ArrayList<>(findings.size());
        for (Findings.Owned owned : findings) {
            List<Integer> matches = byServerAndRule.getOrDefault(owned.server(), Map.of()).get(owned.diagnostic().rule());
            if (matches != null) {
                matches.add(out.size());
            }
            out.add(owned.diagnostic());
        }
        for (Declared server : servers) {
            Map<String, List<Integer>> byRule = byServerAndRule.getOrDefault(server.server(), Map.of());
            for (Accept accept : server.accepts()) {
                waive(accept, byRule, out, targetsRan).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Marks the findings the waiver covers; returns the waiver's own finding when it cannot apply. */
    private static Optional<Diagnostic> waive(Accept accept, Map<String, List<Integer>> byRule, List<Diagnostic> out,
            boolean targetsRan) {
        String id = accept.rule().value();
        Optional<RuleInfo> rule = RuleCatalog.find(id);
        if (rule.isEmpty()) {
            String hint = Suggestions.closest(id, RULE_IDS).map(s -> "did you mean \"" + s + "\"? ").orElse("")
                    + "docs/rules.md lists every rule id";
            return Optional.of(Diagnostic.error("accept-unknown", accept.rule().span(),
                    "accept names the unknown rule \"" + id + "\"", hint));
        }
        if (accept.reason().value().isBlank()) {
            return Optional.of(Diagnostic.error("accept-reason", accept.reason().span(),
                    "accept " + id + " has an empty reason", "say why the finding is acceptable, for the next reader"));
        }
        if (!rule.get().waivable()) {
            return Optional.of(Diagnostic.error("accept-never", accept.rule().span(),
                    "rule \"" + id + "\" cannot be waived", "fix the policy instead; docs/rules.md says how"));
        }
        List<Integer> matches = byRule.getOrDefault(id, List.of());
        if (matches.isEmpty() && !targetsRan && id.startsWith("target-")) {
            return Optional.empty();
        }
        if (matches.isEmpty()) {
            return Optional.of(Diagnostic.warning("accept-unused", accept.span(),
                    "accept " + id + " matches no finding", "remove the waiver; the policy no longer needs it"));
        }
        for (int index : matches) {
            Diagnostic finding = out.get(index);
            if (!finding.isAccepted()) {
                out.set(index, finding.accepted(accept.reason().value()));
            }
        }
        return Optional.empty();
    }
}

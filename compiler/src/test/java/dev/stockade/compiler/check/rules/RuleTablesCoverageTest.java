package dev.stockade.compiler.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.check.Rule;
import dev.stockade.compiler.check.RuleRegistry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every registered rule has at least one failing and one passing row in the family tables. */
class RuleTablesCoverageTest {

    private static List<RuleCase> allRows() {
        return Stream.of(FsRulesTest.cases(), NetRulesTest.cases(), IdentitySecretRulesTest.cases(),
                FleetRulesTest.cases(), WaiverRulesTest.cases(), KubernetesRulesTest.cases()).flatMap(s -> s).toList();
    }

    @Test
    void everyRegisteredRuleHasAFailingAndAPassingRow() {
        Set<String> registered = RuleRegistry.ALL.stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> failing = allRows().stream().filter(RuleCase::failing).map(RuleCase::rule).collect(Collectors.toSet());
        Set<String> passing = allRows().stream().filter(row -> !row.failing()).map(RuleCase::rule).collect(Collectors.toSet());
        assertThat(failing).as("rules with a failing row").containsAll(registered);
        assertThat(passing).as("rules with a passing row").containsAll(registered);
    }

    @Test
    void everyWaiverRuleHasAFailingAndAPassingRow() {
        Set<String> waiverRules = Set.of("accept-unknown", "accept-reason", "accept-unused", "accept-never");
        Set<String> failing = allRows().stream().filter(RuleCase::failing).map(RuleCase::rule).collect(Collectors.toSet());
        Set<String> passing = allRows().stream().filter(row -> !row.failing()).map(RuleCase::rule).collect(Collectors.toSet());
        assertThat(failing).containsAll(waiverRules);
        assertThat(passing).containsAll(waiverRules);
    }
}

package dev.stockade.compiler.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.check.Checked;
import java.util.List;

/**
 * One row of a rule table: a policy snippet, the rule under test, and exactly where that rule
 * must report (an empty list for a passing snippet). Pins positions and severities, not wording.
 */
record RuleCase(String name, String rule, String policy, List<String> expected) {

    /** The snippet must make {@code rule} report at exactly these {@code "LINE:COLUMN SEVERITY"} positions. */
    static RuleCase fails(String name, String rule, String policy, String... expected) {
        if (expected.length == 0) {
            throw new IllegalArgumentException("a failing case needs at least one expected finding");
        }
        return new RuleCase(name, rule, policy, List.of(expected));
    }

    /** The snippet must not make {@code rule} report at all. */
    static RuleCase passes(String name, String rule, String policy) {
        return new RuleCase(name, rule, policy, List.of());
    }

    boolean failing() {
        return !expected.isEmpty();
    }

    void check() {
        Checked checked = Checked.of(policy);
        assertThat(checked.parseFindings()).as("the snippet of %s must parse cleanly", name).isEmpty();
        assertThat(checked.positions(rule)).as("%s findings of %s; all findings:%n%s", rule, name, checked.describe())
                .containsExactlyElementsOf(expected);
    }

    @Override
    public String toString() {
        return rule + ": " + name;
    }
}

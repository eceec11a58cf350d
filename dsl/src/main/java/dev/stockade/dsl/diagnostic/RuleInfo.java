package dev.stockade.dsl.diagnostic;

/**
 * The contract of one rule: its stable id, its default severity, whether it can be waived, and
 * a one-line summary used in reports (SARIF {@code shortDescription}) and docs.
 */
public record RuleInfo(String id, Severity severity, Waivability waivability, String summary) {

    public boolean waivable() {
        return waivability.waivable();
    }
}

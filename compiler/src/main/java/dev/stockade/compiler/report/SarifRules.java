package dev.stockade.compiler.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.diagnostic.Severity;
import java.util.Map;

/**
 * SARIF {@code reportingDescriptor}s for the rule catalog.
 *
 * <p>{@code security-severity} is what GitHub ranks alerts by (9.0 and up critical, 4.0 to 6.9
 * medium, below 4.0 low); it is written as a string because that is the form GitHub documents.
 */
final class SarifRules {

    private SarifRules() {
    }

    static void rule(ObjectNode node, RuleInfo rule, Map<String, String> helpTexts) {
        node.put("id", rule.id());
        node.put("name", upperCamelCase(rule.id()));
        node.putObject("shortDescription").put("text", rule.summary());
        node.putObject("fullDescription").put("text", fullDescription(rule));
        node.putObject("help").put("text", helpTexts.getOrDefault(rule.id(), rule.summary()));
        node.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode properties = node.putObject("properties");
        properties.put("security-severity", securitySeverity(rule.severity()));
        properties.putArray("tags").add("security");
    }

    /** SARIF has no "info" level; "note" is its equivalent. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    static String upperCamelCase(String id) {
        StringBuilder out = new StringBuilder();
        for (String word : id.split("-")) {
            if (!word.isEmpty()) {
                out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)))
                        .append(word.substring(Character.charCount(word.codePointAt(0))));
            }
        }
        return out.toString();
    }

    private static String fullDescription(RuleInfo rule) {
        String waiver = rule.waivable() ? "can be waived with accept" : "cannot be waived";
        return rule.summary() + "; " + rule.severity().label() + " by default, " + waiver;
    }

    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "9.0";
            case WARNING -> "5.0";
            case INFO -> "2.0";
        };
    }
}

package dev.stockade.compiler.target.audit;

import java.util.List;

/** The auditctl rules file: sections of complete rule lines, each under a comment. */
public record RulesView(List<String> header, String key, List<Section> sections) {

    /** A comment (plain text) and the rules it explains, already in auditctl syntax. */
    public record Section(String comment, List<String> rules) {
    }
}

package dev.stockade.compiler.check;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where rules report: each finding remembers the server it belongs to, for waivers. */
public final class Findings {

    /** A diagnostic and the name of the server whose {@code accept} statements may waive it. */
    public record Owned(String server, Diagnostic diagnostic) {
    }

    private final List<Owned> found = new ArrayList<>();
    /**
     * Each message and hint text once: most findings of a fleet are the same few approximations
     * said of every server, and a 10,000-server compile kept 100 MiB of findings until the report, 76 MiB with each text once.
     */
    private final Map<String, String> texts = new HashMap<>();

    /** Reports at the rule's default severity. */
    public void report(RuleInfo rule, ServerContext server, Span span, String message, String hint) {
        report(rule, rule.severity(), server, span, message, hint);
    }

    public void report(RuleInfo rule, Severity severity, ServerContext server, Span span, String message, String hint) {
        found.add(new Owned(server.name(), new Diagnostic(rule.id(), severity, span, shared(message), shared(hint))));
    }

    private String shared(String text) {
        String known = texts.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    /** Adds what {@code other} found, in its order (a buffer of one chunk of servers). */
    public void addAll(Findings other) {
        found.addAll(other.found);
    }

    public List<Owned> all() {
        return List.copyOf(found);
    }
}

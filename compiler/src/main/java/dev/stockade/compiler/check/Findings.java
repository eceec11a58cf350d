package dev.stockade.compiler.check;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Where rules report: each finding remembers the server it belongs to, for waivers. */
public final class Findings {

    /** A diagnostic and the name of the server whose {@code accept} statements may waive it. */
    public record Owned(String server, Diagnostic diagnostic) {
    }

    private final List<Owned> found = new ArrayList<>();

    /** Reports at the rule's default severity. */
    public void report(RuleInfo rule, ServerContext server, Span span, String message, String hint) {
        report(rule, rule.severity(), server, span, message, hint);
    }

    public void report(RuleInfo rule, Severity severity, ServerContext server, Span span, String message, String hint) {
        found.add(new Owned(server.name(), new Diagnostic(rule.id(), severity, span, message, hint)));
    }

    /** Adds what {@code other} found, in its order (a buffer of one chunk of servers). */
    public void addAll(Findings other) {
        found.addAll(other.found);
    }

    public List<Owned> all() {
        return List.copyOf(found);
    }
}

package dev.stockade.dsl.internal;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one parse. */
public final class Sink {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public void error(String rule, Span span, String message, String hint) {
        diagnostics.add(Diagnostic.error(rule, span, message, hint));
    }

    public void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    /** How many findings of {@code rule} were reported so far. */
    public int count(String rule) {
        return (int) diagnostics.stream().filter(d -> d.rule().equals(rule)).count();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}

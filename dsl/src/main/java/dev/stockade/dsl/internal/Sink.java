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

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}

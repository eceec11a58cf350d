package dev.stockade.compiler.effective;

import dev.stockade.dsl.source.Span;

/** Where one rule of the effective policy was written, so a finding about it can point there. */
public record Source(Origin origin, Span span) {

    public boolean implied() {
        return origin.implied();
    }
}

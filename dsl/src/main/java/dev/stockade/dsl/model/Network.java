package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code network none} or {@code network { ... }}. */
public sealed interface Network permits NetworkNone, NetworkRules {
    Span span();
}

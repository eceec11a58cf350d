package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** A decoded string literal (escapes resolved). */
public record Text(String value, Span span) {
}

package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** A non-negative integer such as {@code retries 2}. */
public record Count(long value, Span span) {
}

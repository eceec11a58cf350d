package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code rotate SIZE keep N}. */
public record Rotate(Size size, Count keep, Span span) {
}

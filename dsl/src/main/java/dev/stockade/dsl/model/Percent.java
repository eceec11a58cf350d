package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** A percentage such as {@code 50%}; may exceed 100 for several cores. */
public record Percent(int value, Span span) {
}

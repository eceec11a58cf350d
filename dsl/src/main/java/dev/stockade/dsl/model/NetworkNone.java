package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code network none} (also what an empty {@code network { }} block means). */
public record NetworkNone(Span span) implements Network {
}

package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** An absolute path; normalized (no trailing {@code /}) when it is valid. */
public record PathValue(String value, Span span) {
}

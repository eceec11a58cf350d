package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** A name as written ({@code [a-z][a-z0-9-]*} where valid); which pattern applies depends on where it stands. */
public record Name(String value, Span span) {
}

package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code stockade N}: the language version the file is written in. */
public record VersionDecl(int number, Span span) {
}

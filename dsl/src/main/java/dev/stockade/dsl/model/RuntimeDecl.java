package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code runtime node|python|jvm|native}. */
public record RuntimeDecl(Runtime kind, Span span) {
}

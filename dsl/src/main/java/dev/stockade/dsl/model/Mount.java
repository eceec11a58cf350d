package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code mount "HOST-PATH" at "CONTAINER-PATH"}. */
public record Mount(PathValue host, PathValue container, Span span) {
}

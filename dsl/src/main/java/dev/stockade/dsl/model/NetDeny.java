package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code deny ADDRESS}: carves an exception out of a broader allow. */
public record NetDeny(Address address, Span span) {
}

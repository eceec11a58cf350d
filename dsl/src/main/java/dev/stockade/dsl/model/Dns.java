package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code dns ADDRESS}: the only resolver the server may query (udp and tcp 53). */
public record Dns(Address address, Span span) {
}

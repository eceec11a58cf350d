package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code allow tcp|udp ADDRESS port PORTS}. */
public record NetAllow(Protocol protocol, Address address, PortSet ports, Span span) {
}

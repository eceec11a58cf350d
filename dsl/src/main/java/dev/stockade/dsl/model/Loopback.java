package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code loopback port PORTS}: connections to 127.0.0.0/8 and ::1 on these ports. */
public record Loopback(PortSet ports, Span span) {
}

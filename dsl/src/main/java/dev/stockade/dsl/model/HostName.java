package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** A quoted host name: not enforceable in version 1 ({@code net-hostname}). */
public record HostName(String value, Span span) implements Address {
    @Override
    public String text() {
        return value;
    }
}

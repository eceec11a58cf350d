package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** A size such as {@code 10MiB}, kept as written. */
public record Size(long amount, SizeUnit unit, Span span) {
    /** The size in bytes; saturates at {@link Long#MAX_VALUE}. */
    public long bytes() {
        return amount > Long.MAX_VALUE / unit.factor() ? Long.MAX_VALUE : amount * unit.factor();
    }

    public String text() {
        return amount + unit.symbol();
    }
}

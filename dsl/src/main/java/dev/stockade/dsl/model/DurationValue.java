package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** A duration such as {@code 30s}, kept as written. */
public record DurationValue(long amount, DurationUnit unit, Span span) {
    /** The duration in milliseconds; saturates at {@link Long#MAX_VALUE}. */
    public long millis() {
        return amount > Long.MAX_VALUE / unit.millis() ? Long.MAX_VALUE : amount * unit.millis();
    }

    public String text() {
        return amount + unit.symbol();
    }
}

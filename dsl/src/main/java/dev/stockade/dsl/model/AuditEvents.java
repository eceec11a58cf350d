package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;

/** {@code events NAME...}. */
public record AuditEvents(List<AuditEventRef> events, Span span) {
    public AuditEvents {
        events = List.copyOf(events);
    }
}

package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** One event name of {@code events}. */
public record AuditEventRef(AuditEvent event, Span span) {
}

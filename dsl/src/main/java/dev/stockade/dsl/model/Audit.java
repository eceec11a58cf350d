package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.Optional;

/** {@code audit { ... }}. */
public record Audit(Optional<PathValue> log, Optional<AuditEvents> events, Optional<Rotate> rotate, Span span) {
}

package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code accept RULE-ID because "reason"}: waives one rule's findings for this server. */
public record Accept(Name rule, Text reason, Span span) {
}

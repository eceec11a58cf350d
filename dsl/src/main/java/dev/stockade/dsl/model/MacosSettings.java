package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.Optional;

/** {@code macos { label "REVERSE-DNS" }}. */
public record MacosSettings(Optional<Text> label, Span span) {
}

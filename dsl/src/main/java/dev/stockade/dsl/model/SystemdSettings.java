package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.Optional;

/** {@code systemd { unit-name NAME }}. */
public record SystemdSettings(Optional<Name> unitName, Span span) {
}

package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code vault "PATH" [role "NAME"] [ttl DURATION] { ENV = field ... }}. */
public record Vault(Text path, Optional<Text> role, Optional<DurationValue> ttl, List<VaultField> fields, Span span) {
    public Vault {
        fields = List.copyOf(fields);
    }
}

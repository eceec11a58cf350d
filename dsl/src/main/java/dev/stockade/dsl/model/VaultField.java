package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code ENV_NAME = field}: one Vault field exported as an environment variable. */
public record VaultField(Name env, Text field, Span span) {
}

package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;

/** {@code secrets { ... }}: pass-through environment variables and Vault credentials. */
public record Secrets(List<EnvStatement> env, List<Vault> vaults, Span span) {
    public Secrets {
        env = List.copyOf(env);
        vaults = List.copyOf(vaults);
    }
}

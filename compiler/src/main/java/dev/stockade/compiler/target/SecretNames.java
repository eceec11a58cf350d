package dev.stockade.compiler.target;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.dsl.model.EnvStatement;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.Secrets;
import dev.stockade.dsl.model.Vault;
import dev.stockade.dsl.model.VaultField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The environment variables a server's secrets arrive in: its {@code env} names, then the
 * variables of its Vault fields, in policy order. Computed once per server for every target that
 * passes them on (the launcher, the probe, the MCP entry, the containers).
 */
public final class SecretNames {

    private static final ServerContext.Derived<List<String>> NAMES = new ServerContext.Derived<>(SecretNames::names);

    private SecretNames() {
    }

    /** Each name once, where it first appears. */
    public static List<String> of(ServerContext server) {
        return server.derive(NAMES);
    }

    private static List<String> names(EffectivePolicy policy) {
        Set<String> written = new LinkedHashSet<>();
        if (policy.secrets().isPresent()) {
            Secrets secrets = policy.secrets().get();
            for (EnvStatement env : secrets.env()) {
                for (Name name : env.names()) {
                    written.add(name.value());
                }
            }
            for (Vault vault : secrets.vaults()) {
                for (VaultField field : vault.fields()) {
                    written.add(field.env().value());
                }
            }
        }
        return List.copyOf(written);
    }
}

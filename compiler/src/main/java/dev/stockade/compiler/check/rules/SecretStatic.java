package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;

/** {@code secret-static}: only long-lived secrets; short-lived vault credentials would bound a leak. */
public final class SecretStatic implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.SECRET_STATIC;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        server.server().secrets().ifPresent(secrets -> {
            if (!secrets.env().isEmpty() && secrets.vaults().isEmpty()) {
                findings.report(info(), server, secrets.env().get(0).span(),
                        "server \"" + server.name() + "\" gets only long-lived secrets from the environment",
                        "where the backend supports it, fetch short-lived credentials: vault \"PATH\" ttl 1h { NAME = field }");
            }
        });
    }
}

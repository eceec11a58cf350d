package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import java.util.Optional;

/**
 * {@code secret-literal}: a string that looks like a credential. Every string of the server is
 * checked for well-known credential shapes; the description and command arguments, where free text
 * lives, also for long high-entropy words. The message never repeats the value.
 */
public final class SecretLiteral implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.SECRET_LITERAL;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        for (ServerStrings.Item item : ServerStrings.of(server.server())) {
            Optional<String> shape = CredentialPatterns.knownShape(item.value());
            if (shape.isEmpty() && item.freeText() && CredentialPatterns.highEntropy(item.value())) {
                shape = Optional.of("a long random token");
            }
            shape.ifPresent(what -> findings.report(info(), server, item.span(),
                    item.what() + " holds what looks like " + what,
                    "remove it from the policy and rotate it; pass credentials with secrets { env NAME } or vault"));
        }
    }
}

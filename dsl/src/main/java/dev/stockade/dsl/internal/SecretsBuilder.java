package dev.stockade.dsl.internal;

import dev.stockade.dsl.internal.antlr.StockadeParser.EnvStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.SecretsBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.SecretsStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.UnknownSecretsStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.VaultFieldContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.VaultStmtContext;
import dev.stockade.dsl.model.DurationValue;
import dev.stockade.dsl.model.EnvStatement;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.Secrets;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.model.Vault;
import dev.stockade.dsl.model.VaultField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code secrets { env ...; vault "PATH" [role "R"] [ttl D] { ENV = field } }}. */
final class SecretsBuilder extends BuilderBase {

    SecretsBuilder(String file, Sink sink, boolean recovered) {
        super(file, sink, recovered);
    }

    Secrets build(SecretsBlockContext ctx) {
        List<EnvStatement> env = new ArrayList<>();
        List<Vault> vaults = new ArrayList<>();
        requireSeparators(ctx.secretsBody());
        for (SecretsStmtContext stmt : ctx.secretsBody().secretsStmt()) {
            if (stmt instanceof UnknownSecretsStmtContext u && !broken(u)) {
                unknown(u.unknownStmt(), "secrets");
            }
            if (stmt instanceof EnvStmtContext envStmt && !broken(envStmt)) {
                List<Name> names = envStmt.name().stream().map(n -> name(n, NameKind.ENV)).toList();
                env.add(new EnvStatement(names, span(envStmt)));
            } else if (stmt instanceof VaultStmtContext vault && !broken(vault)) {
                vaults.add(vault(vault));
            }
        }
        return new Secrets(env, vaults, span(ctx));
    }

    private Vault vault(VaultStmtContext ctx) {
        // The Vault path is not a file path: only control characters are checked.
        Text path = text(ctx.string(0), "vault path");
        Optional<Text> role = ctx.ROLE() == null ? Optional.empty() : Optional.of(text(ctx.string(1), "vault role"));
        Optional<DurationValue> ttl = ctx.duration() == null ? Optional.empty() : duration(ctx.duration());
        List<VaultField> fields = new ArrayList<>();
        requireSeparators(ctx.vaultBody());
        for (VaultFieldContext field : ctx.vaultBody().vaultField()) {
            if (broken(field)) {
                continue;
            }
            Name env = name(field.name(0), NameKind.ENV);
            Text value = field.string() != null
                    ? text(field.string(), "vault field")
                    : asText(name(field.name(1), NameKind.ENV));
            fields.add(new VaultField(env, value, span(field)));
        }
        return new Vault(path, role, ttl, fields, span(ctx));
    }

    private static Text asText(Name name) {
        return new Text(name.value(), name.span());
    }
}

package dev.stockade.compiler.target.systemd;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.dsl.model.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The view of the Vault start script: what to read, what to export, what to exec. */
final class VaultStartLowering {

    /** Variable names the parser accepts; anything else never reaches an {@code export}. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private VaultStartLowering() {
    }

    static SystemdViews.VaultStart view(ServerContext server) {
        List<SystemdViews.VaultRead> reads = new ArrayList<>();
        for (Vault vault : server.effective().secrets().map(s -> s.vaults()).orElse(List.of())) {
            List<SystemdViews.Field> fields = vault.fields().stream()
                    .filter(f -> ENV_NAME.matcher(f.env().value()).matches())
                    .map(f -> new SystemdViews.Field(f.env().value(), ShellEscape.word(f.field().value())))
                    .toList();
            reads.add(new SystemdViews.VaultRead(ShellEscape.word(vault.path().value()), fields));
        }
        String command = String.join(" ", UnitLowering.commandWords(server.server()).stream().map(ShellEscape::word).toList());
        List<String> header = new ArrayList<>(Header.of(server));
        header.add("Install as " + UnitLowering.vaultScript(server.name()) + "; systemd runs it (ExecStart=).");
        header.add("Needs bash, curl and jq. VAULT_ADDR comes from " + UnitLowering.envFile(server.name())
                + ", the AppRole ids from LoadCredential=.");
        return new SystemdViews.VaultStart(header, reads, command);
    }
}

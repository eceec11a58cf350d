package dev.stockade.dsl.print;

import dev.stockade.dsl.model.Audit;
import dev.stockade.dsl.model.AuditEventRef;
import dev.stockade.dsl.model.EnvStatement;
import dev.stockade.dsl.model.Filesystem;
import dev.stockade.dsl.model.FsStatement;
import dev.stockade.dsl.model.Limits;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.NetAllow;
import dev.stockade.dsl.model.NetDeny;
import dev.stockade.dsl.model.Network;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Secrets;
import dev.stockade.dsl.model.Vault;
import dev.stockade.dsl.model.VaultField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The server's own blocks: {@code filesystem}, {@code network}, {@code secrets}, {@code limits}, {@code audit}. */
final class BlockPrinter {

    private BlockPrinter() {
    }

    /** Grants and denies in source order (the model keeps it), then {@code max-file-size}. */
    static Lines filesystem(Filesystem filesystem) {
        List<String> body = new ArrayList<>();
        for (FsStatement statement : filesystem.statements()) {
            List<String> paths = statement.paths().stream().map(PathValue::value).toList();
            body.add(statement.mode().keyword() + " " + Tokens.strings(paths));
        }
        filesystem.maxFileSize().ifPresent(size -> body.add("max-file-size " + size.text()));
        return Lines.block("filesystem", body);
    }

    /**
     * {@code network none}, or the block with allows, denies, {@code dns} and {@code loopback} in
     * that order. A block with no rules means {@code none} and is printed so.
     */
    static Lines network(Network network) {
        if (!(network instanceof NetworkRules rules) || isEmpty(rules)) {
            return Lines.of("network none");
        }
        List<String> body = new ArrayList<>();
        for (NetAllow allow : rules.allows()) {
            body.add("allow " + allow.protocol().keyword() + " " + Tokens.address(allow.address())
                    + " port " + Tokens.ports(allow.ports()));
        }
        for (NetDeny deny : rules.denies()) {
            body.add("deny " + Tokens.address(deny.address()));
        }
        rules.dns().ifPresent(dns -> body.add("dns " + Tokens.address(dns.address())));
        rules.loopback().ifPresent(loopback -> body.add("loopback port " + Tokens.ports(loopback.ports())));
        return Lines.block("network", body);
    }

    private static boolean isEmpty(NetworkRules rules) {
        return rules.allows().isEmpty() && rules.denies().isEmpty() && rules.dns().isEmpty() && rules.loopback().isEmpty();
    }

    /** {@code env} statements, then {@code vault} blocks. */
    static Lines secrets(Secrets secrets) {
        List<String> body = new ArrayList<>();
        for (EnvStatement env : secrets.env()) {
            body.add("env " + env.names().stream().map(Name::value).collect(Collectors.joining(" ")));
        }
        for (Vault vault : secrets.vaults()) {
            body.addAll(vault(vault).lines());
        }
        return Lines.block("secrets", body);
    }

    private static Lines vault(Vault vault) {
        StringBuilder header = new StringBuilder("vault ").append(Tokens.string(vault.path().value()));
        vault.role().ifPresent(role -> header.append(" role ").append(Tokens.string(role.value())));
        vault.ttl().ifPresent(ttl -> header.append(" ttl ").append(ttl.text()));
        List<String> body = new ArrayList<>();
        for (VaultField field : vault.fields()) {
            body.add(field.env().value() + " = " + Tokens.vaultField(field.field().value()));
        }
        return Lines.block(header.toString(), body);
    }

    static Lines limits(Limits limits) {
        List<String> body = new ArrayList<>();
        limits.timeout().ifPresent(timeout -> body.add("timeout " + timeout.text()));
        limits.retries().ifPresent(retries -> body.add("retries " + retries.value()));
        limits.memory().ifPresent(memory -> body.add("memory " + memory.text()));
        limits.cpu().ifPresent(cpu -> body.add("cpu " + cpu.value() + "%"));
        limits.tasks().ifPresent(tasks -> body.add("tasks " + tasks.value()));
        limits.openFiles().ifPresent(openFiles -> body.add("open-files " + openFiles.value()));
        return Lines.block("limits", body);
    }

    static Lines audit(Audit audit) {
        List<String> body = new ArrayList<>();
        audit.log().ifPresent(log -> body.add("log " + Tokens.string(log.value())));
        audit.events().ifPresent(events -> body.add("events " + events.events().stream()
                .map(AuditEventRef::event).map(event -> event.keyword()).collect(Collectors.joining(" "))));
        audit.rotate().ifPresent(rotate -> body.add("rotate " + rotate.size().text() + " keep " + rotate.keep().value()));
        return Lines.block("audit", body);
    }
}

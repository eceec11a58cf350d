package dev.stockade.compiler.target.systemd;

import java.util.List;

/**
 * What the systemd templates lay out. Every string is final text for its format (escaped by
 * {@code SystemdEscape} or {@code ShellEscape}); lists hold one directive or line each.
 */
public final class SystemdViews {

    private SystemdViews() {
    }

    /** {@code systemd/<server>.service}. */
    public record Service(List<String> header, String description, boolean online, String user, String group,
            String execStart, String workingDirectory, List<String> secrets, List<String> filesystem,
            List<String> network, List<String> runtime, List<String> limits) {
    }

    /** {@code systemd/<server>.sysusers.conf}: {@code g}, {@code u} and {@code m} lines. */
    public record Sysusers(List<String> header, List<String> lines) {
    }

    /** {@code systemd/<server>.tmpfiles.conf}. */
    public record Tmpfiles(List<String> header, List<String> lines) {
    }

    /** One Vault secret: the shell-quoted path, and the variables with their shell-quoted fields. */
    public record VaultRead(String path, List<Field> fields) {
    }

    /** {@code NAME} is exported from the field {@code field} (shell-quoted). */
    public record Field(String name, String field) {
    }

    /** {@code systemd/<server>.vault-start.sh}. */
    public record VaultStart(List<String> header, List<VaultRead> reads, String command) {
    }
}

package dev.stockade.compiler.target.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The other generated files through their real tools, in scratch roots only: sysusers and
 * tmpfiles applied with {@code --root} (no host user or file is touched), {@code bash -n} on the
 * Vault start script; and the escaping and the mount order of the unit text itself.
 */
class SystemdFilesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static Artifact artifact(String policy, String path) {
        Path file = policy.startsWith("examples/") ? Golden.EXAMPLES.resolve(policy.substring(9)) : Golden.CASES.resolve(policy);
        return Golden.compile(file, SystemdTarget.NAME).artifacts().stream()
                .filter(a -> a.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError("no " + path));
    }

    @Test
    void sysusersAndTmpfilesApplyToAScratchRoot() throws IOException {
        Path root = Files.createTempDirectory("stockade-sysusers");
        try {
            Files.createDirectories(root.resolve("etc"));
            Files.createDirectories(root.resolve("var/log"));
            Files.createDirectories(root.resolve("workspace/project-a"));
            Path sysusers = write(root.resolve("sysusers.conf"), artifact("examples/complete.stockade", "systemd/mcp-fileserver.sysusers.conf"));
            Path tmpfiles = write(root.resolve("tmpfiles.conf"), artifact("examples/complete.stockade", "systemd/mcp-fileserver.tmpfiles.conf"));
            Tool.Result users = Tool.run(List.of("systemd-sysusers", "--root=" + root, sysusers.toString()), root,
                    Map.of(), TIMEOUT);
            assertThat(users.exit()).as(users.err()).isZero();
            assertThat(Files.readString(root.resolve("etc/passwd"))).contains("mcp-fileserver:x:");
            assertThat(Files.readAllLines(root.resolve("etc/group"))).anyMatch(l -> l.startsWith("mcp-staff:x:") && l.endsWith(":mcp-fileserver"));
            Tool.Result files = Tool.run(List.of("systemd-tmpfiles", "--create", "--root=" + root,
                    tmpfiles.toString()), root, Map.of(), TIMEOUT);
            assertThat(files.exit()).as(files.err()).isZero();
            assertThat(files.err()).isEmpty();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("workspace/project-a/output"))))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/stockade/mcp-fileserver.env"))))
                    .isEqualTo("rw-------");
            assertThat(Files.size(root.resolve("etc/stockade/mcp-fileserver.env"))).isZero();
            Path log = root.resolve("var/log/mcp-fileserver.log");
            Tool.Result attr = Tool.run(List.of("lsattr", log.toString()), root, Map.of(), TIMEOUT);
            assertThat(attr.out().split(" ")[0]).as("append-only attribute").contains("a");
            Tool.run(List.of("chattr", "-a", log.toString()), root, Map.of(), TIMEOUT);
        } finally {
            Tool.deleteTree(root);
        }
    }

    @Test
    void vaultStartScriptIsValidBashAndKeepsSecretsOutOfArgv() throws IOException {
        Artifact script = artifact("vault-secrets.stockade", "systemd/vaulted.vault-start.sh");
        assertThat(script.executable()).isTrue();
        Path dir = Files.createTempDirectory("stockade-vault");
        try {
            Path file = write(dir.resolve("start.sh"), script);
            Tool.Result syntax = Tool.run(List.of("bash", "-n", file.toString()), dir, Map.of(), TIMEOUT);
            assertThat(syntax.err()).isEmpty();
            assertThat(syntax.exit()).isZero();
        } finally {
            Tool.deleteTree(dir);
        }
        assertThat(script.content())
                .contains("secret=$(vault_read 'database/creds/reporting')")
                .contains("DB_PASSWORD=$(vault_field \"$secret\" 'password')")
                .contains("--rawfile role \"$creds/vault-role-id\"")
                .contains("exec '/usr/bin/node' '/opt/vaulted/server.js'")
                .doesNotContain("--arg role").doesNotContain("X-Vault-Token: $token");
    }

    @Test
    void escapingIsExact() {
        String unit = artifact("escaping.stockade", "systemd/escapes.service").content();
        assertThat(unit).contains("\nExecStart=\"/opt/my tools/run server\" \"--name=\\\"x\\\"\" \"100%%\" \"$$HOME\" \"it's\" \"naïve \\\\ path\"\n")
                .contains("\nDescription=Quotes \" and 100%% of $HOME's \\\\ café ☕\n")
                .contains("\nWorkingDirectory=-/opt/my tools\n")
                .contains("\nBindPaths=\"-/var/lib/escapes/100%%\"\n")
                .contains("\nBindReadOnlyPaths=\"-/srv/data with spaces\"\n")
                .contains("\nBindReadOnlyPaths=\"-/srv/ünïcödé\"\n");
        assertThat(SystemdToolsTest.program(unit)).isEqualTo("/opt/my tools/run server");
    }

    /**
     * systemd sorts every mount by path and applies deeper paths last; the unit must name each
     * level of a nested policy so that the deepest named path decides, as most specific wins.
     */
    @Test
    void nestedGrantsAndDeniesAreEachMounted() {
        String reopen = artifact("grant-inside-deny.stockade", "systemd/reopen.service").content();
        assertThat(reopen).containsSubsequence("TemporaryFileSystem=/data:ro\n", "TemporaryFileSystem=/data/public/private:ro\n",
                "BindReadOnlyPaths=-/data/public\n", "BindReadOnlyPaths=-/data/public/private/shared\n");
        String carve = artifact("deny-inside-grant.stockade", "systemd/carve.service").content();
        assertThat(carve).containsSubsequence("TemporaryFileSystem=/workspace:ro\n", "BindReadOnlyPaths=-/workspace/app\n",
                "InaccessiblePaths=-/workspace/app/.git\n");
        assertThat(carve).doesNotContain("ProtectHome=read-only");
    }

    private static Path write(Path file, Artifact artifact) throws IOException {
        Files.writeString(file, artifact.content());
        return file;
    }
}

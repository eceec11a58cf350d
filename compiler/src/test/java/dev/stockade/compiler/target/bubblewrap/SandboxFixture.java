package dev.stockade.compiler.target.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Tool;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real server for the sandbox tests: a temporary tree ({@code workspace/src} readable with a
 * denied {@code .env} and {@code private/}, {@code workspace/out} writable, {@code app/server.sh}
 * the code), a system user created for it, and its launcher and probe compiled from a policy that
 * points into the tree. {@link #close} removes the user and the tree.
 */
final class SandboxFixture implements AutoCloseable {

    final String name;
    final Path base;
    final Path launcher;
    final Path probe;
    private boolean userCreated;

    SandboxFixture() {
        assertThat(Tool.run(Duration.ofSeconds(10), List.of("id", "-u")).out().strip())
                .as("the sandbox tests create a user and run the launcher as root (CI runs as root)").isEqualTo("0");
        name = "stk-sbx-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36)
                .toLowerCase(Locale.ROOT);
        try {
            base = Files.createTempDirectory("stk-sandbox-");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            write("workspace/src/main.txt", "hello\n");
            write("workspace/src/.env", "STK_SECRET=do-not-read\n");
            write("workspace/src/private/key.txt", "private\n");
            Files.createDirectories(base.resolve("workspace/out"));
            write("app/server.sh", """
                    echo "user=$(id -un) token=${STK_TOKEN-unset} leak=${STK_UNDECLARED-unset}"
                    cat %1$s/workspace/src/main.txt
                    cat %1$s/workspace/src/.env 2>/dev/null || echo env-hidden
                    echo written > %1$s/workspace/out/result.txt && echo out-writable
                    echo nope > %1$s/workspace/src/new.txt 2>/dev/null || echo src-read-only
                    echo "accounts=$(cut -d: -f1 /etc/passwd | tr '\\n' ' ')groups=$(cut -d: -f1,4 /etc/group)"
                    """.formatted(base));
            Tool.run(Duration.ofSeconds(10), List.of("chmod", "-R", "a+rX,go-w",
                    base.toString())).requireSuccess("chmod");
            Files.setPosixFilePermissions(base.resolve("app/server.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
            List<Artifact> artifacts = compile();
            Files.createDirectories(base.resolve("gen"));
            launcher = save(artifacts, "bubblewrap/" + name + ".sh", "launcher.sh");
            probe = save(artifacts, "probe/" + name + ".sh", "probe.sh");
            Tool.run(Duration.ofSeconds(30), List.of("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name)).requireSuccess("useradd");
            userCreated = true;
            // What tmpfiles.d does on a host: the writable directory belongs to the server's user.
            Tool.run(Duration.ofSeconds(10), List.of("chown", name + ":" + name,
                    base.resolve("workspace/out").toString()))
                    .requireSuccess("chown");
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private String policy() {
        return """
                stockade 1
                server %1$s {
                  command "/usr/bin/bash" "%2$s/app/server.sh"
                  filesystem {
                    read "%2$s/workspace/src"
                    deny "%2$s/workspace/src/.env" "%2$s/workspace/src/private"
                    write "%2$s/workspace/out"
                  }
                  network none
                  secrets { env STK_TOKEN }
                }
                """.formatted(name, base);
    }

    private List<Artifact> compile() {
        Stockade.Outcome outcome = Stockade.compile(List.of(SourceFile.fromBytes("sandbox.stockade",
                policy().getBytes(StandardCharsets.UTF_8))), List.of("bubblewrap", "probe"));
        assertThat(outcome.diagnostics().stream().filter(Diagnostic::isBlockingError).map(Diagnostic::toString)).isEmpty();
        return outcome.artifacts();
    }

    private Path save(List<Artifact> artifacts, String path, String fileName) throws IOException {
        Artifact artifact = artifacts.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow();
        Path file = base.resolve("gen").resolve(fileName);
        assertThat(file).as("each generated file gets its own name").doesNotExist();
        Files.writeString(file, artifact.content(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private void write(String relative, String content) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** The command, with a secret declared and one not, under {@code env} so the test JVM's own variables stay. */
    static List<String> withEnv(List<String> command) {
        List<String> out = new ArrayList<>(List.of("env", "STK_TOKEN=declared-value", "STK_UNDECLARED=must-not-pass"));
        out.addAll(command);
        return out;
    }

    @Override
    public void close() {
        if (userCreated) {
            Tool.run(Duration.ofSeconds(30), List.of("userdel", name));
            Tool.run(Duration.ofSeconds(30), List.of("groupdel", name));
            userCreated = false;
        }
        Tool.deleteTree(base);
    }
}

package dev.stockade.it.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Tool;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
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
 * Everything the suite stands on, built from the project's own files and removed on {@link #close}
 * (also when a step fails): a temporary root standing in for the host's {@code /} with project A's
 * tree and planted secrets, the two real MCP servers copied from {@code target/npm}, the policy
 * compiled through the real pipeline, the servers' users created from the generated sysusers files
 * (on the host: bwrap's setpriv needs them), the generated tmpfiles applied, and the network
 * ({@link Net}).
 */
final class World implements AutoCloseable {

    static final Duration STEP = Duration.ofSeconds(60);
    /** Every planted secret carries this, so a leak is recognised in any output. */
    static final String SECRET = "STK-SECRET-";

    final String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 31), 36)
            .toLowerCase(Locale.ROOT);
    final String fs = "e2e-fs-" + suffix;
    final String net = "e2e-net-" + suffix;
    final Path root;
    final Path gen;
    private final List<String> users = new ArrayList<>();
    Net network;

    World(Path npm) {
        assertThat(Tool.run(Duration.ofSeconds(10), List.of("id", "-u")).out().strip())
                .as("the boundary suite creates users and namespaces and needs root (CI runs as root)").isEqualTo("0");
        assertThat(npm.resolve("node_modules/@modelcontextprotocol/server-filesystem/dist/index.js"))
                .as("the npm servers (npm ci into target/npm by the build)").exists();
        try {
            root = Files.createTempDirectory("stk-e2e-");
            gen = root.resolve("gen");
            layOut(npm);
            compile();
            for (String server : List.of(fs, net)) {
                run("systemd-sysusers", gen.resolve("systemd/" + server + ".sysusers.conf").toString());
                users.add(server);
                run("systemd-tmpfiles", "--create", gen.resolve("systemd/" + server + ".tmpfiles.conf").toString());
            }
            // The log's earlier content, which the append-only attribute (set by tmpfiles) keeps.
            Files.writeString(path("workspace/project-a/logs/server.log"), "line 1: earlier content\n",
                    java.nio.file.StandardOpenOption.APPEND);
            network = new Net(this);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    /** The tree, world-readable, so that what stops a read is the sandbox and not file modes. */
    private void layOut(Path npm) throws IOException {
        write("workspace/project-a/src/main.js", "// STK-SOURCE main.js\nexport const answer = 42;\n");
        write("workspace/project-a/src/.env", "API_TOKEN=" + SECRET + "dotenv\n");
        write("workspace/project-a/src/secrets/deploy.pem", SECRET + "pem\n");
        write("workspace/project-a/tests/main.test.js", "// STK-SOURCE main.test.js\n");
        write("workspace/project-b/notes.txt", SECRET + "project-b\n");
        write("home/root/.ssh/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + SECRET + "id_rsa\n");
        write("outside/secret.txt", SECRET + "symlink-target\n");
        Files.createDirectories(path("run"));
        Files.createDirectories(path("var/log"));
        run("cp", "-a", npm.resolve("node_modules").toString(), npm.resolve("net-server.mjs").toString(),
                npm.resolve("package.json").toString(), Files.createDirectories(path("opt/mcp")).toString());
        run("chmod", "-R", "a+rX,go-w", root.toString());
        run("chmod", "a+x", path("opt/mcp/net-server.mjs").toString());
    }

    /** After tmpfiles made {@code output/} the server's: a symlink planted in it, to a secret outside the grants. */
    void plantSymlink() throws IOException {
        Files.createSymbolicLink(path("workspace/project-a/output/innocent.txt"), path("outside/secret.txt"));
    }

    private void compile() throws IOException {
        String policy = resource("e2e.stockade").replace("@ROOT@", root.toString()).replace("@FS@", fs)
                .replace("@NET@", net);
        Files.writeString(path("e2e.stockade"), policy, StandardCharsets.UTF_8);
        Stockade.Outcome outcome = Stockade.compile(List.of(SourceFile.fromBytes("e2e.stockade",
                policy.getBytes(StandardCharsets.UTF_8))), List.of("systemd", "netfilter", "bubblewrap", "probe"));
        assertThat(outcome.diagnostics().stream().filter(Diagnostic::isBlockingError).map(Diagnostic::toString))
                .as("the suite's policy compiles").isEmpty();
        for (Artifact artifact : outcome.artifacts()) {
            Path file = gen.resolve(artifact.path());
            Files.createDirectories(file.getParent());
            Files.writeString(file, artifact.content(), StandardCharsets.UTF_8);
            if (artifact.executable()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    Path launcher(String server) {
        return gen.resolve("bubblewrap/" + server + ".sh");
    }

    Path probe(String server) {
        return gen.resolve("probe/" + server + ".sh");
    }

    String artifact(String relative) {
        try {
            return Files.readString(gen.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String relative, String content) throws IOException {
        Path file = path(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static String resource(String name) {
        try (InputStream in = World.class.getResourceAsStream("/boundary/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Tool.Result run(String... command) {
        return Tool.run(STEP, List.of(command)).requireSuccess(String.join(" ", command));
    }

    @Override
    public void close() {
        List<Throwable> problems = new ArrayList<>();
        attempt(problems, () -> {
            if (network != null) {
                network.close();
            }
        });
        for (String user : users) {
            attempt(problems, () -> Tool.run(STEP, List.of("userdel", user)).requireSuccess("userdel " + user));
            attempt(problems, () -> {
                // userdel removes the user's own group when nothing else uses it.
                if (Tool.run(STEP, List.of("getent", "group", user)).exit() == 0) {
                    Tool.run(STEP, List.of("groupdel", user)).requireSuccess("groupdel " + user);
                }
            });
        }
        users.clear();
        if (root != null) {
            // The append-only attribute would keep the log from being deleted.
            Path log = path("workspace/project-a/logs/server.log");
            if (Files.exists(log)) {
                attempt(problems, () -> Tool.run(STEP, List.of("chattr", "-a", log.toString())));
            }
            attempt(problems, () -> Tool.deleteTree(root));
        }
        if (!problems.isEmpty()) {
            AssertionError error = new AssertionError("cleaning up the boundary suite failed");
            problems.forEach(error::addSuppressed);
            throw error;
        }
    }

    interface Step {
        void run() throws Exception;
    }

    static void attempt(List<Throwable> problems, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            problems.add(e);
        }
    }
}

package dev.stockade.compiler.target.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Tool;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The audit files with the real tools: auditctl loads the rules into the kernel's audit subsystem
 * (shared by the whole host, so the rules carry a key unique to this run and are deleted by that
 * key, and nothing else, afterwards), and logrotate really rotates a log in a temporary directory.
 */
class AuditToolsTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void auditctlLoadsTheRulesAndDeletesThemByKey() throws IOException {
        String name = "stk-aud-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36)
                .toLowerCase(Locale.ROOT);
        Path dir = Files.createTempDirectory("stk-audit-");
        boolean user = false;
        boolean loaded = false;
        try {
            Files.createDirectories(dir.resolve("data/private"));
            Files.createDirectories(dir.resolve("out"));
            Files.writeString(dir.resolve("app.sh"), "exit 0\n");
            List<Artifact> artifacts = compile(name, """
                    server %1$s {
                      command "/usr/bin/bash" "%2$s/app.sh"
                      workdir "%2$s"
                      filesystem { read "%2$s/data"; deny "%2$s/data/private"; write "%2$s/out" }
                      network none
                      audit { log "%2$s/audit.log"; events file-access network-request command-execution auth-failure }
                    }
                    """.formatted(name, dir));
            Path rules = dir.resolve("server.rules");
            Files.writeString(rules, content(artifacts, "audit/" + name + ".rules"));
            RulesSyntax.check(Files.readString(rules));
            Tool.run(LIMIT, List.of("useradd", "--system", "--user-group", "--no-create-home", "--shell",
                    "/usr/sbin/nologin", name)).requireSuccess("useradd");
            user = true;
            loaded = true;
            Tool.run(LIMIT, List.of("auditctl", "-R", rules.toString())).requireSuccess("auditctl -R");
            List<String> listed = Tool.run(LIMIT, List.of("auditctl", "-l", "-k", "stockade-" + name))
                    .requireSuccess("auditctl -l").out().lines().toList();
            long written = Files.readString(rules).lines().filter(l -> l.startsWith("-a ")).count();
            assertThat(listed).hasSize((int) written).allMatch(l -> l.endsWith("-F key=stockade-" + name));
            // One rule per ABI for all the events, by the server's user, whatever its paths.
            String uid = Tool.run(LIMIT, List.of("id", "-u", name)).requireSuccess("id -u").out().strip();
            assertThat(listed).hasSize(2).allMatch(l -> l.contains("-F uid=" + uid + " ") && l.contains("openat")
                    && l.contains("connect") && l.contains("execve") && !l.contains("dir="));
        } finally {
            if (loaded) {
                Tool.run(LIMIT, List.of("auditctl", "-D", "-k", "stockade-" + name));
                assertThat(Tool.run(LIMIT, List.of("auditctl", "-l")).out()).doesNotContain("stockade-" + name);
            }
            if (user) {
                Tool.run(LIMIT, List.of("userdel", name));
            }
            Tool.deleteTree(dir);
        }
    }

    @Test
    void logrotateRotatesBySizeAndKeepsTheWriterFile() throws IOException {
        Path dir = Files.createTempDirectory("stk-rotate-");
        try {
            Path log = dir.resolve("audit log.jsonl");
            List<Artifact> artifacts = compile("rotated", """
                    server rotated {
                      command "/usr/bin/bash" "/opt/rotated/app.sh"
                      network none
                      audit { log "%s"; events auth-failure; rotate 1KiB keep 2 }
                    }
                    """.formatted(log));
            Path config = dir.resolve("rotated.logrotate");
            Files.writeString(config, content(artifacts, "audit/rotated.logrotate"));
            Files.writeString(log, "{\"event\":\"auth-failure\"}\n".repeat(100));
            Tool.run(LIMIT, List.of("logrotate", "-s", dir.resolve("state").toString(), config.toString()))
                    .requireSuccess("logrotate");
            assertThat(dir.resolve("audit log.jsonl.1")).exists();
            assertThat(log).exists().isEmptyFile();
        } finally {
            Tool.deleteTree(dir);
        }
    }

    @Test
    void serversWithoutAuditAreSkippedAndWhitespacePathsNeedNoRule() throws IOException {
        Stockade.Outcome outcome = Stockade.compile(List.of(SourceFile.fromBytes("spaces.stockade", """
                server spaces {
                  command "/opt/my tools/run"
                  filesystem { read "/srv/data with spaces" }
                  network none
                  audit { log "/var/log/spaces.log"; events file-access }
                }
                """.getBytes(StandardCharsets.UTF_8))), List.of("audit"));
        // The rules name the user, not the paths: a path auditctl could not write needs no approximation.
        assertThat(outcome.diagnostics()).noneMatch(d -> d.rule().equals("target-approximation"));
        assertThat(outcome.artifacts().get(0).content()).contains("-F uid=").doesNotContain("dir=").doesNotContain("with spaces");
        Stockade.Outcome complete = Stockade.compile(List.of(SourceFile.fromBytes("examples/complete.stockade",
                Files.readAllBytes(Path.of("../examples/complete.stockade")))), List.of("audit"));
        assertThat(complete.artifacts()).extracting(Artifact::path).noneMatch(p -> p.contains("mcp-notes"));
        assertThat(complete.diagnostics()).filteredOn(d -> d.rule().equals("target-skipped"))
                .extracting(Diagnostic::message).anyMatch(m -> m.startsWith("audit: server \"mcp-notes\" has no audit block"));
    }

    private static List<Artifact> compile(String name, String policy) {
        Stockade.Outcome outcome = Stockade.compile(List.of(SourceFile.fromBytes(name + ".stockade",
                policy.getBytes(StandardCharsets.UTF_8))), List.of("audit"));
        assertThat(outcome.diagnostics().stream().filter(Diagnostic::isBlockingError).map(Diagnostic::toString)).isEmpty();
        return outcome.artifacts();
    }

    private static String content(List<Artifact> artifacts, String path) {
        return artifacts.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
    }
}

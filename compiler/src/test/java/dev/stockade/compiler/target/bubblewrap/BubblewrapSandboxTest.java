package dev.stockade.compiler.target.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Tool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher for real: started as root, it drops to a user created for the test and runs under
 * bwrap. The probe run inside it must pass every check; the same probe run outside (as root,
 * with the whole environment) must fail, so these tests can fail.
 */
class BubblewrapSandboxTest {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void serverRunsAsItsUserWithItsGrantsAndDeclaredSecretsOnly() {
        try (SandboxFixture server = new SandboxFixture()) {
            Tool.Result run = Tool.run(LIMIT, SandboxFixture.withEnv(List.of(server.launcher.toString())))
                    .requireSuccess("the launcher");
            assertThat(run.out().lines()).containsExactly(
                    "user=" + server.name + " token=declared-value leak=unset",
                    "hello",
                    "env-hidden",
                    "out-writable",
                    "src-read-only",
                    "accounts=" + server.name + " groups=" + server.name + ":");
            assertThat(server.base.resolve("workspace/out/result.txt")).hasContent("written");
            assertThat(server.base.resolve("workspace/src/new.txt")).doesNotExist();
        }
    }

    @Test
    void probeInsideTheSandboxPassesEveryCheck() {
        try (SandboxFixture server = new SandboxFixture()) {
            Tool.Result run = Tool.run(LIMIT, SandboxFixture.withEnv(List.of(server.launcher.toString(), "--probe",
                    server.probe.toString(), "--no-network")));
            Tap tap = Tap.parse(run.out());
            assertThat(tap.failures()).as("probe output:%n%s%s", run.out(), run.err()).isEmpty();
            assertThat(run.exit()).as("probe exit status:%n%s%s", run.out(), run.err()).isZero();
            assertThat(tap.passed()).contains(
                    "denied " + server.base + "/workspace/src/.env is not readable",
                    "denied " + server.base + "/workspace/src/private is not readable",
                    "write grant " + server.base + "/workspace/out is writable",
                    "read grant " + server.base + "/workspace/src is not writable",
                    "workdir " + server.base + "/app is not writable",
                    "sensitive /etc/shadow is not readable",
                    "/proc/self/environ holds only declared variables",
                    "/proc/1/environ holds only declared variables");
        }
    }

    @Test
    void probeOutsideTheSandboxFails() {
        try (SandboxFixture server = new SandboxFixture()) {
            Tool.Result run = Tool.run(LIMIT,
                    SandboxFixture.withEnv(List.of("bash", server.probe.toString(), "--no-network")));
            Tap tap = Tap.parse(run.out());
            assertThat(run.exit()).as("probe output:%n%s", run.out()).isEqualTo(1);
            assertThat(tap.failures()).contains(
                    "denied " + server.base + "/workspace/src/.env is not readable",
                    "denied " + server.base + "/workspace/src/private is not readable",
                    "read grant " + server.base + "/workspace/src is not writable",
                    "sensitive /etc/shadow is not readable",
                    "/proc/self/environ holds only declared variables");
        }
    }
}

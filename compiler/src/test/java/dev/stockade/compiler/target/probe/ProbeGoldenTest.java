package dev.stockade.compiler.target.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProbeGoldenTest {

    private static final Pattern PLAN = Pattern.compile("echo \"1\\.\\.(\\d+)\"");

    static List<Path> inputs() {
        return Golden.inputs();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void probeMatchesGoldenAndParses(Path policy) {
        List<Artifact> artifacts = Golden.check(policy, "probe");
        assertThat(artifacts).isNotEmpty();
        for (Artifact artifact : artifacts) {
            assertThat(artifact.path()).startsWith("probe/").endsWith(".sh");
            assertThat(artifact.executable()).isTrue();
            Tool.bashSyntax(artifact.path(), artifact.content());
            Matcher plan = PLAN.matcher(artifact.content());
            assertThat(plan.find()).as("a TAP plan").isTrue();
            long calls = artifact.content().lines().filter(l -> l.matches("^(not_readable|readable|writable|appendable"
                    + "|not_writable|executable|home_ssh_not_readable|environ_only_allowed|tcp_open|tcp_blocked|udp_open"
                    + "|udp_blocked) '.*")).count();
            assertThat(calls).as("the plan counts every check").isEqualTo(Long.parseLong(plan.group(1)));
        }
    }
}

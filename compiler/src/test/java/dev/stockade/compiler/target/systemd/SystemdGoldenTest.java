package dev.stockade.compiler.target.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden files of the systemd target for every case and example, compiled twice. */
class SystemdGoldenTest {

    static Stream<Path> inputs() {
        return Golden.inputs().stream();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void matchesGoldenFiles(Path policy) {
        List<Artifact> artifacts = Golden.check(policy, SystemdTarget.NAME);
        assertThat(artifacts).isNotEmpty().allMatch(a -> a.path().startsWith("systemd/"));
    }
}

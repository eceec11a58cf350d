package dev.stockade.compiler.target.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditGoldenTest {

    static List<Path> inputs() {
        return Golden.inputs();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void auditFilesMatchGoldenAndAreWellFormed(Path policy) {
        for (Artifact artifact : Golden.check(policy, "audit")) {
            assertThat(artifact.executable()).isFalse();
            if (artifact.path().endsWith(".rules")) {
                RulesSyntax.check(artifact.content());
            } else if (artifact.path().endsWith(".logrotate")) {
                Logrotate.debug(artifact).requireSuccess("logrotate -d " + artifact.path());
            } else {
                assertThat(artifact.path()).endsWith(".yaml");
                YamlShape.check(artifact.content());
            }
        }
    }
}

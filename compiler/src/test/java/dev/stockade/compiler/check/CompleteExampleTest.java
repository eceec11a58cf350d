package dev.stockade.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example policies the project ships are what users copy: they must check clean, with no
 * error and no warning that is not accepted (infos such as limits-missing are allowed).
 */
class CompleteExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"complete.stockade", "github-server.stockade", "postgres-server.stockade",
            "sandboxed-tools.stockade"})
    void examplePolicyHasNoErrorAndNoWarning(String name) throws IOException {
        Checked checked = Checked.of(Files.readString(Path.of("..", "examples", name)));
        assertThat(checked.blocking()).as(checked.describe()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"complete.stockade"})
    void specExampleWaiverIsUsedAndReported(String name) throws IOException {
        Checked checked = Checked.of(Files.readString(Path.of("..", "examples", name)));
        // mcp-notes accepts audit-missing: the finding stays in the report, as accepted.
        assertThat(checked.positions("audit-missing")).containsExactly("58:8 warning accepted");
        assertThat(checked.reports("accept-unused")).isFalse();
    }
}

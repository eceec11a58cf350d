package dev.stockade.compiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArtifactUriTest {

    private static final Path BASE = Path.of("/work/my project").toAbsolutePath();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "policies/a.stockade|policies/a.stockade",
        "./policies/a.stockade|policies/a.stockade",
        "policies\\win.stockade|policies/win.stockade",
        "my policies/a b.stockade|my%20policies/a%20b.stockade",
        "caf\u00e9/x#1?.stockade|caf%C3%A9/x%231%3F.stockade",
        "c:a.stockade|c%3Aa.stockade",
        "100%.stockade|100%25.stockade"
    })
    void encodesRelativeDisplayPaths(String file, String uri) {
        assertThat(ArtifactUri.of(file, BASE)).isEqualTo(new ArtifactUri(uri, true));
    }

    @Test
    void makesAFileInsideTheBaseRelative() {
        String file = BASE.resolve("policies/a b.stockade").toString();

        assertThat(ArtifactUri.of(file, BASE)).isEqualTo(new ArtifactUri("policies/a%20b.stockade", true));
    }

    @Test
    void keepsAFileOutsideTheBaseAbsolute() {
        Path outside = BASE.resolveSibling("elsewhere").resolve("a.stockade");

        ArtifactUri uri = ArtifactUri.of(outside.toString(), BASE);

        assertThat(uri.relative()).isFalse();
        assertThat(uri.uri()).startsWith("file:").endsWith("/elsewhere/a.stockade");
    }

    @Test
    void writesTheBaseAsADirectoryUri() {
        assertThat(ArtifactUri.baseUri(BASE)).startsWith("file:/").endsWith("/my%20project/");
    }
}

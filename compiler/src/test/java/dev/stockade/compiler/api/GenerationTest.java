package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.compiler.report.FailOn;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.dsl.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationTest {

    private static final String VALID = """
            stockade 1

            server mcp-notes {
              command "/usr/bin/node" "/opt/mcp-notes/index.js"
              runtime node
              limits { memory 256MiB }
              audit { log "/var/log/mcp/notes.log"; events file-access }
              kubernetes { image "registry.example.com/mcp-notes:1.0" }
              compose { image "registry.example.com/mcp-notes:1.0" }
            }
            """;

    @Test
    void compilesTheChosenTargetsWithAManifest() {
        var result = Generation.run(List.of(SourceFile.of("a.stockade", VALID)), FailOn.ERROR, List.of("systemd"));

        assertThat(result.blocked()).isFalse();
        assertThat(result.files().keySet()).contains(Manifest.FILE_NAME)
                .allMatch(path -> path.startsWith("systemd/") || path.equals(Manifest.FILE_NAME));
        assertThat(result.files().get(Manifest.FILE_NAME).content())
                .isEqualTo(Manifest.of(result.files().values().stream()
                        .filter(f -> !f.path().equals(Manifest.FILE_NAME)).toList()).file().content());
    }

    @Test
    void noTargetsMeansEveryTargetAndTheOutputIsDeterministic() {
        var once = Generation.run(List.of(SourceFile.of("a.stockade", VALID)), FailOn.ERROR, List.of());
        var twice = Generation.run(List.of(SourceFile.of("a.stockade", VALID)), FailOn.ERROR, List.of());

        assertThat(once.files()).isEqualTo(twice.files());
        for (String target : TargetRegistry.names()) {
            assertThat(once.files().keySet()).as(target).anyMatch(path -> path.startsWith(target + "/"));
        }
    }

    @Test
    void aBlockingErrorProducesNothing() {
        var result = Generation.run(List.of(SourceFile.of("a.stockade", "stockade 1\nserver s {\n")),
                FailOn.NEVER, List.of());

        assertThat(result.blocked()).isTrue();
        assertThat(result.files()).isEmpty();
        assertThat(result.validation().verdict().failed()).isFalse();
    }

    @Test
    void targetsAreReadCommaSeparatedInRegistryOrder() {
        assertThat(Generation.parseTargets(" netfilter , SYSTEMD,,systemd")).containsExactly("systemd", "netfilter");
        assertThat(Generation.parseTargets("")).isEmpty();
        assertThatThrownBy(() -> Generation.parseTargets("systemd,nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"nope\"")
                .hasMessageContaining(String.join(", ", TargetRegistry.names()));
    }
}

package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.compiler.report.FailOn;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path out;

    private static Map<String, Artifact> compile(String policy, List<String> targets) throws IOException {
        Map<String, Artifact> files = new ConcurrentHashMap<>();
        var result = Generation.run(List.of(SourceFile.of("a.stockade", policy)), FailOn.ERROR, targets,
                artifact -> assertThat(files.put(artifact.path(), artifact)).as(artifact.path()).isNull());
        assertThat(result.blocked()).isFalse();
        return files;
    }

    @Test
    void compilesTheChosenTargets() throws IOException {
        var result = Generation.run(List.of(SourceFile.of("a.stockade", VALID)), FailOn.ERROR, List.of("systemd"),
                Comparison.checking(out));

        assertThat(result.blocked()).isFalse();
        assertThat(result.validation().servers()).isEqualTo(1);
        assertThat(compile(VALID, List.of("systemd")).keySet()).isNotEmpty().allMatch(path -> path.startsWith("systemd/"));
    }

    @Test
    void noTargetsMeansEveryTargetAndTheOutputIsDeterministic() throws IOException {
        var once = compile(VALID, List.of());
        var twice = compile(VALID, List.of());

        assertThat(once).isEqualTo(twice);
        for (String target : TargetRegistry.names()) {
            assertThat(once.keySet()).as(target).anyMatch(path -> path.startsWith(target + "/"));
        }
    }

    @Test
    void generateWritesWhatTheCompileMadeWithAManifestThatListsIt() throws IOException {
        Map<String, Artifact> expected = compile(VALID, List.of());
        try (Staging staging = Staging.in(out)) {
            Comparison comparison = Comparison.staging(staging);
            Generation.run(List.of(SourceFile.of("a.stockade", VALID)), FailOn.ERROR, List.of(), comparison);
            ArtifactWriter.apply(comparison.finish(), staging);
        }

        for (Artifact artifact : expected.values()) {
            assertThat(out.resolve(artifact.path())).as(artifact.path()).hasBinaryContent(artifact.bytes());
            assertThat(Files.isExecutable(out.resolve(artifact.path()))).as(artifact.path()).isEqualTo(artifact.executable());
        }
        assertThat(Manifest.read(out).sha256ByPath()).containsOnlyKeys(expected.keySet());
        assertThat(out.resolve(Staging.DIRECTORY_NAME)).doesNotExist();
        Comparison again = Comparison.checking(out);
        Generation.run(List.of(SourceFile.of("a.stockade", VALID)), FailOn.ERROR, List.of(), again);
        assertThat(again.finish().upToDate()).isTrue();
    }

    @Test
    void aBlockingErrorProducesNothing() throws IOException {
        List<Artifact> made = new ArrayList<>();
        var result = Generation.run(List.of(SourceFile.of("a.stockade", "stockade 1\nserver s {\n")),
                FailOn.NEVER, List.of(), made::add);

        assertThat(result.blocked()).isTrue();
        assertThat(made).isEmpty();
        assertThat(result.validation().verdict().failed()).isFalse();
    }

    @Test
    void aFileThatCannotBeReadIsAnIoExceptionNamingIt() throws IOException {
        Files.createDirectories(out.resolve("systemd/mcp-notes.service"));

        assertThatThrownBy(() -> Generation.run(List.of(SourceFile.of("a.stockade", VALID)), FailOn.ERROR,
                List.of("systemd"), Comparison.checking(out)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read " + out.resolve("systemd/mcp-notes.service"));
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

package dev.stockade.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.compiler.target.TargetRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The goals as Maven configures them from the generated plugin descriptor: defaults, POM
 * configuration, and the up-to-date skip of a configured goal. The project base directory is this
 * module; everything a test writes goes under {@code target/harness}.
 */
@MojoTest
class MojoParametersTest {

    private static final Path WORK = Path.of("target/harness").toAbsolutePath();
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void clean() throws IOException {
        if (Files.exists(WORK)) {
            try (var paths = Files.walk(WORK)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    @InjectMojo(goal = "generate")
    void defaultsAreTheOnesTheIssueNames(GenerateMojo mojo) {
        File base = mojo.baseDirectory;
        assertThat(mojo.policyDirectory).isEqualTo(new File(base, "src/main/stockade"));
        assertThat(mojo.outputDirectory).isEqualTo(new File(base, "isolation"));
        assertThat(mojo.failOn).isEqualTo("error");
        assertThat(mojo.targets).isNull();
        assertThat(mojo.skip).isFalse();
        assertThat(mojo.reportDirectory.getPath()).endsWith("stockade");
        assertThat(mojo.pluginVersion).isNotBlank();
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/configured/pom.xml")
    void pomConfigurationReachesTheGoal(CheckMojo mojo) throws MojoExecutionException {
        assertThat(mojo.policyDirectory).isEqualTo(new File(mojo.baseDirectory, "policies"));
        assertThat(mojo.outputDirectory).isEqualTo(new File(mojo.baseDirectory, "generated"));
        assertThat(mojo.failOn).isEqualTo("warning");
        assertThat(mojo.targetNames()).containsExactly("systemd", "netfilter");
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "targets", value = "systemd,kubernets")
    void anUnknownTargetFailsWithTheValidOnes(GenerateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("stockade.targets: unknown target \"kubernets\"; the targets are "
                        + String.join(", ", TargetRegistry.names()));
    }

    @Test
    @InjectMojo(goal = "generate")
    @MojoParameter(name = "policyDirectory", value = "src/test/resources/unit/policies")
    @MojoParameter(name = "outputDirectory", value = "target/harness/out")
    @MojoParameter(name = "reportDirectory", value = "target/harness/reports")
    @MojoParameter(name = "buildDirectory", value = "target/harness")
    @MojoParameter(name = "targets", value = "systemd")
    void aSecondGenerateIsUpToDateUntilTheOutputIsTouched(GenerateMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        assertThat(log.lines).anyMatch(line -> line.startsWith("info: Stockade artifacts in target/harness/out: "));
        log.lines.clear();

        mojo.execute();
        assertThat(log.lines).singleElement().satisfies(line -> assertThat(line)
                .startsWith("info: Stockade generate is up to date: 1 policy file, plugin version and configuration"
                        + " unchanged since the last successful run ("));

        Path unit = WORK.resolve("out/systemd/mcp-notes.service");
        Files.writeString(unit, "hand edit\n");
        log.lines.clear();
        mojo.execute();
        assertThat(log.lines).contains("info: Wrote target/harness/out/systemd/mcp-notes.service");
        assertThat(unit).content().doesNotContain("hand edit");
    }
}

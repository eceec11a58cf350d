package dev.stockade.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.Span;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mojo's own decisions: parameters, log levels, exception types. The end-to-end behaviour in
 * a real build is covered by the invoker projects in the {@code it} module.
 */
class ValidateMojoTest {

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();
    private final ValidateMojo mojo = new ValidateMojo();

    @BeforeEach
    void configure() throws Exception {
        mojo.setLog(log);
        set("policyDirectory", project.resolve("src/main/stockade").toFile());
        set("failOn", "error");
        set("reportDirectory", project.resolve("target/stockade").toFile());
        set("baseDirectory", project.toFile());
        set("pluginVersion", "0.1.0-test");
        set("buildDirectory", project.resolve("target").toFile());
    }

    private void set(String field, Object value) throws Exception {
        Field target = AbstractStockadeMojo.class.getDeclaredField(field);
        target.setAccessible(true);
        target.set(mojo, value);
    }

    private void policy(String name, String text) throws IOException {
        Path file = project.resolve("src/main/stockade").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static final String VALID = "stockade 1\n\nserver s {\n  command \"/usr/bin/node\"\n  runtime node\n"
            + "  limits { memory 128MiB }\n  audit { log \"/var/log/mcp/s.log\"; events file-access }\n}\n";

    @Test
    void aValidPolicyPassesAndWritesBothReports() throws Exception {
        policy("a.stockade", VALID);

        mojo.execute();

        assertThat(log.lines).contains("info: no findings");
        assertThat(project.resolve("target/stockade/report.json")).isRegularFile();
        assertThat(project.resolve("target/stockade/stockade.sarif")).isRegularFile();
    }

    @Test
    void anErrorIsLoggedAsAnErrorBlockAndFailsTheBuild() throws Exception {
        policy("a.stockade", "stockade 1\n\nserver s {\n  command \"/usr/bin/node\"\n  runtime nodejs\n}\n");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Stockade policy validation failed: 1 finding at error or above (failOn error)");
        assertThat(log.lines).anySatisfy(line -> assertThat(line)
                .startsWith("error: src/main/stockade/a.stockade:5:11: error[syntax]: ")
                .contains("\n  |           ^^^^^^\n"));
        assertThat(project.resolve("target/stockade/report.json")).isRegularFile();
    }

    @Test
    void failOnNeverReportsWithoutFailing() throws Exception {
        policy("a.stockade", "stockade 1\nserver s {\n");
        set("failOn", "never");

        mojo.execute();

        assertThat(log.lines).anyMatch(line -> line.startsWith("error: src/main/stockade/a.stockade:"));
    }

    @Test
    void pastTheLogLimitFindingsAreCountedInOneLineAndTheReportsStillHoldThemAll() throws Exception {
        StringBuilder fleet = new StringBuilder("stockade 1\n");
        for (int i = 0; i < 4; i++) {
            // no limits, no audit: warnings for each server
            fleet.append("\nserver s").append(i).append(" {\n  command \"/usr/bin/node\"\n  runtime node\n}\n");
        }
        policy("a.stockade", fleet.toString());
        set("logLimit", 0);
        mojo.execute();
        long warnings = log.lines.stream().filter(line -> line.startsWith("warn: src/main/stockade/a.stockade:")).count();
        assertThat(warnings).as("every warning with no limit").isGreaterThan(2);
        String everything = Files.readString(project.resolve("target/stockade/report.json"));
        log.lines.clear();
        policy("a.stockade", fleet + "\n"); // changed, so the run is not skipped as up to date

        set("logLimit", 2);
        mojo.execute();

        assertThat(log.lines.stream().filter(line -> line.startsWith("warn: src/main/stockade/a.stockade:"))).hasSize(2);
        assertThat(log.lines).contains("warn: " + (warnings - 2) + " more warnings not listed (stockade.logLimit=2): "
                + "every finding is in target/stockade/report.json and stockade.sarif");
        assertThat(project.resolve("target/stockade/report.json")).hasContent(everything);
    }

    @Test
    void aNegativeLogLimitIsAnExecutionErrorBeforeAnyWork() throws Exception {
        policy("a.stockade", VALID);
        set("logLimit", -1);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("stockade.logLimit: must be 0 (list everything) or a positive number of lines of each kind, "
                        + "not -1");
        assertThat(project.resolve("target/stockade")).doesNotExist();
    }

    @Test
    void anUnknownFailOnIsAnExecutionErrorListingTheValidValues() throws Exception {
        set("failOn", "eror");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("\"eror\"")
                .hasMessageContaining("error, warning, info, never");
    }

    @Test
    void aMissingDirectoryIsAWarningThatSaysWhereItLooked() throws Exception {
        mojo.execute();

        assertThat(log.lines).singleElement().satisfies(line -> assertThat(line)
                .startsWith("warn: No policy directory at " + project.resolve("src/main/stockade")));
        assertThat(project.resolve("target/stockade")).doesNotExist();
    }

    @Test
    void anEmptyDirectoryIsAWarning() throws Exception {
        Files.createDirectories(project.resolve("src/main/stockade"));

        mojo.execute();

        assertThat(log.lines).singleElement().satisfies(line -> assertThat(line)
                .startsWith("warn: No .stockade files found in " + project.resolve("src/main/stockade")));
    }

    @Test
    void aRelativePolicyDirectoryIsResolvedAgainstTheProject() throws Exception {
        set("policyDirectory", new File("policies"));
        Files.createDirectories(project.resolve("policies"));
        Files.writeString(project.resolve("policies/a.stockade"), "stockade 1\n");

        mojo.execute();

        assertThat(log.lines).contains("info: Validating 1 policy file in policies");
    }

    @Test
    void anUnreadableTreeIsAnExecutionError() throws Exception {
        Path policies = project.resolve("src/main/stockade");
        Files.createDirectories(policies);
        Files.createSymbolicLink(policies.resolve("loop"), policies);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Cannot load Stockade policies: symbolic link loop at src/main/stockade/loop");
    }

    @Test
    void skipDoesNothing() throws Exception {
        policy("a.stockade", "broken");
        set("skip", true);

        mojo.execute();

        assertThat(log.lines).containsExactly("info: Stockade validation skipped (stockade.skip)");
    }

    @Test
    void eachSeverityIsLoggedAtItsOwnLevelAndAcceptedFindingsAsInfo() {
        Span span = Span.of("a.stockade", 1, 1, 2);

        mojo.log(Diagnostic.error("e", span, "m", "h"), "E");
        mojo.log(Diagnostic.warning("w", span, "m", "h"), "W");
        mojo.log(Diagnostic.info("i", span, "m", "h"), "I");
        mojo.log(Diagnostic.error("e", span, "m", "h").accepted("reviewed"), "A");

        assertThat(log.lines).containsExactly("error: E", "warn: W", "info: I", "info: A");
    }

    @Test
    void anUnchangedRunIsSkippedInOneLineAndAnyChangeRunsAgain() throws Exception {
        policy("a.stockade", VALID);
        mojo.execute();
        log.lines.clear();

        mojo.execute();
        assertThat(log.lines).containsExactly("info: Stockade validate is up to date: 1 policy file, plugin version"
                + " and configuration unchanged since the last successful run (last run: no findings; details in"
                + " target/stockade/report.json)");

        set("failOn", "warning");
        log.lines.clear();
        mojo.execute();
        assertThat(log.lines).contains("info: Validating 1 policy file in src/main/stockade");

        policy("a.stockade", VALID + "\n");
        log.lines.clear();
        mojo.execute();
        assertThat(log.lines).contains("info: Validating 1 policy file in src/main/stockade");

        set("pluginVersion", "0.2.0");
        log.lines.clear();
        mojo.execute();
        assertThat(log.lines).contains("info: Validating 1 policy file in src/main/stockade");
    }

    @Test
    void aFailedRunIsNeverUpToDateAndDeletedReportsAreRewritten() throws Exception {
        policy("a.stockade", VALID);
        mojo.execute();
        Files.delete(project.resolve("target/stockade/report.json"));
        log.lines.clear();

        mojo.execute();
        assertThat(project.resolve("target/stockade/report.json")).isRegularFile();

        policy("a.stockade", "stockade 1\nserver s {\n");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        assertThat(project.resolve("target/stockade/validate.fingerprint")).doesNotExist();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    }
}

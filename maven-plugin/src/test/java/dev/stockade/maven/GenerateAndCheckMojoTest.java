package dev.stockade.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate and check on one project: what fails, what is left alone, what the fix command says. */
class GenerateAndCheckMojoTest {

    private static final String VALID = "stockade 1\n\nserver s {\n  command \"/usr/bin/node\"\n  runtime node\n"
            + "  limits { memory 128MiB }\n  audit { log \"/var/log/mcp/s.log\"; events file-access }\n}\n";

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    private <T extends AbstractCompileMojo> T configure(T mojo) {
        return TestProject.configure(mojo, project, log, "systemd");
    }

    private void policy(String text) throws IOException {
        policy("a.stockade", text);
    }

    private void policy(String name, String text) throws IOException {
        Path file = project.resolve("src/main/stockade/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void blockingErrorsUnderFailOnNeverFailGenerateAndLeaveTheOutputAlone() throws Exception {
        policy(VALID);
        configure(new GenerateMojo()).execute();
        policy("stockade 1\nserver s {\n");
        GenerateMojo generate = configure(new GenerateMojo());
        generate.failOn = "never";

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Stockade cannot generate: errors that are not waived stop the compilation");
        assertThat(project.resolve("isolation/systemd/s.service")).isRegularFile();
    }

    /**
     * With four files per core the compile goes in one pass, and the files before the broken one are
     * compiled (and their changes staged) before it is reached: the failed build still leaves the
     * output as it was and nothing staged.
     */
    @Test
    void anErrorInTheLastOfManyFilesLeavesTheOutputAsItWasWithNothingStaged() throws Exception {
        int files = Runtime.getRuntime().availableProcessors() * 4 + 1;
        for (int i = 0; i < files; i++) {
            policy("f" + (100 + i) + ".stockade", VALID.replace("server s {", "server s" + i + " {"));
        }
        configure(new GenerateMojo()).execute();
        byte[] before = Files.readAllBytes(project.resolve("isolation/systemd/s0.service"));
        policy("f100.stockade", VALID.replace("server s {", "server s0 {").replace("/usr/bin/node", "/usr/local/bin/node"));
        policy("f" + (100 + files - 1) + ".stockade", "stockade 1\nserver broken {\n");
        GenerateMojo generate = configure(new GenerateMojo());
        generate.failOn = "never";

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Stockade cannot generate: errors that are not waived stop the compilation");
        assertThat(project.resolve("isolation/systemd/s0.service")).hasBinaryContent(before);
        assertThat(project.resolve("isolation/.stockade-staging")).doesNotExist();
    }

    @Test
    void findingsThatFailTheBuildLeaveTheOutputAsItWasWithNothingStaged() throws Exception {
        policy(VALID);
        configure(new GenerateMojo()).execute();
        byte[] before = Files.readAllBytes(project.resolve("isolation/systemd/s.service"));
        String warned = VALID.replace("  limits { memory 128MiB }\n", "").replace("/usr/bin/node", "/usr/local/bin/node");
        policy(warned);
        GenerateMojo generate = configure(new GenerateMojo());
        generate.failOn = "warning";

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Stockade policy validation failed");
        assertThat(project.resolve("isolation/systemd/s.service")).hasBinaryContent(before);
        assertThat(project.resolve("isolation/.stockade-staging")).doesNotExist();
        policy(VALID);
        configure(new CheckMojo()).execute(); // the whole directory, manifest included, as the first run left it
        policy(warned);
        configure(new GenerateMojo()).execute(); // failOn error: the warning no longer fails it
        assertThat(Files.readAllBytes(project.resolve("isolation/systemd/s.service"))).as("the change was real")
                .isNotEqualTo(before);
    }

    @Test
    void pastTheLogLimitWrittenFilesAreCountedInOneLineThatPointsAtTheManifest() throws Exception {
        policy(VALID);
        GenerateMojo generate = configure(new GenerateMojo());
        generate.logLimit = 1;

        generate.execute();

        assertThat(log.lines.stream().filter(line -> line.startsWith("info: Wrote isolation/"))).hasSize(1);
        assertThat(log.lines).contains("info: Wrote 3 more files not listed (stockade.logLimit=1); "
                + "isolation/.stockade-manifest lists every generated file");
        assertThat(Files.readAllLines(project.resolve("isolation/.stockade-manifest")))
                .filteredOn(line -> line.contains("systemd/")).hasSize(3); // and the manifest itself was written
        configure(new CheckMojo()).execute();
    }

    @Test
    void checkPassesAfterGenerateAndNamesTheFixWithTheGivenOptions() throws Exception {
        policy(VALID);
        configure(new GenerateMojo()).execute();
        configure(new CheckMojo()).execute();
        assertThat(log.lines).contains("info: isolation is up to date with the policies (4 files)");

        Files.writeString(project.resolve("isolation/systemd/s.service"), "edited\n");
        CheckMojo check = configure(new CheckMojo());
        Properties given = new Properties();
        given.setProperty("stockade.targets", "systemd");
        check.userProperties = given;

        assertThatThrownBy(check::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Stockade artifacts in isolation are out of date;"
                        + " run `mvn stockade:generate -Dstockade.targets=systemd`");
        assertThat(log.lines).anySatisfy(line -> assertThat(line)
                .startsWith("error: isolation does not match the policies: 1 changed\n"
                        + "  changed  isolation/systemd/s.service\n"));
    }
}

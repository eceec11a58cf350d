package dev.stockade.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-to-date skip of {@code generate} never hides drift: after each kind of change, on real
 * files, the next {@code generate} runs in full and leaves a directory {@code check} accepts;
 * with no change it skips. The skip decides from a fingerprint alone, without parsing anything,
 * so these are the cases that fingerprint has to notice.
 */
class GenerateUpToDateTest {

    private static final String SERVER = "server %s {\n  command \"/usr/bin/node\"\n  runtime node\n"
            + "  limits { memory 128MiB }\n  audit { log \"/var/log/mcp/%s.log\"; events file-access }\n}\n";
    private static final String TWO_SERVERS = "stockade 1\n\n" + SERVER.formatted("s", "s") + SERVER.formatted("t", "t");
    private static final String UP_TO_DATE = "info: Stockade generate is up to date: ";

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    private <T extends AbstractCompileMojo> T configure(T mojo) {
        return TestProject.configure(mojo, project, log, "systemd,probe");
    }

    private Path policy() {
        return project.resolve("src/main/stockade/a.stockade");
    }

    private Path output(String path) {
        return project.resolve("isolation").resolve(path);
    }

    @BeforeEach
    void generateTwice() throws Exception {
        Files.createDirectories(policy().getParent());
        Files.writeString(policy(), TWO_SERVERS);
        configure(new GenerateMojo()).execute();
        assertSkipped(configure(new GenerateMojo()));
    }

    private void assertSkipped(GenerateMojo generate) throws Exception {
        log.lines.clear();
        generate.execute();
        assertThat(log.lines).singleElement().asString().startsWith(UP_TO_DATE);
    }

    /**
     * Runs in full, leaves what check accepts, and is up to date again afterwards.
     *
     * @return what the full run logged
     */
    private List<String> assertRunsAndRepairs(GenerateMojo generate) throws Exception {
        log.lines.clear();
        generate.execute();
        List<String> logged = List.copyOf(log.lines);
        assertThat(logged).noneMatch(line -> line.startsWith(UP_TO_DATE))
                .anyMatch(line -> line.startsWith("info: Stockade artifacts in "));
        CheckMojo check = configure(new CheckMojo());
        check.targets = generate.targets;
        check.outputDirectory = generate.outputDirectory;
        check.failOn = generate.failOn;
        check.execute();
        assertSkipped(generate);
        return logged;
    }

    @Test
    void nothingChangedIsSkippedAndAFileStockadeNeverWroteChangesNothing() throws Exception {
        Files.writeString(output("systemd/README.txt"), "notes of our own\n");

        assertSkipped(configure(new GenerateMojo()));
        configure(new CheckMojo()).execute();
        assertThat(output("systemd/README.txt")).hasContent("notes of our own");
    }

    @Test
    void anEditedGeneratedFileIsRewritten() throws Exception {
        Files.writeString(output("systemd/s.service"), "# hand edit\n", StandardOpenOption.APPEND);

        assertThat(assertRunsAndRepairs(configure(new GenerateMojo())))
                .contains("info: Wrote isolation/systemd/s.service");
    }

    @Test
    void anEditOfTheSameSizeAndModificationTimeIsRewritten() throws Exception {
        Path unit = output("systemd/s.service");
        FileTime modified = Files.getLastModifiedTime(unit);
        byte[] bytes = Files.readAllBytes(unit);
        bytes[bytes.length - 2] ^= 1;
        Files.write(unit, bytes);
        Files.setLastModifiedTime(unit, modified);

        assertThat(assertRunsAndRepairs(configure(new GenerateMojo())))
                .contains("info: Wrote isolation/systemd/s.service");
    }

    @Test
    void aDeletedGeneratedFileIsWrittenAgain() throws Exception {
        Files.delete(output("probe/t.sh"));

        assertRunsAndRepairs(configure(new GenerateMojo()));
        assertThat(output("probe/t.sh")).isRegularFile();
    }

    @Test
    void aClearedExecuteBitIsSetAgain() throws Exception {
        Path probe = output("probe/s.sh");
        assertThat(Files.getFileAttributeView(probe, PosixFileAttributeView.class))
                .as("POSIX modes (the execute bit is part of the state)").isNotNull();
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rw-r-xr-x"));

        assertRunsAndRepairs(configure(new GenerateMojo()));
        assertThat(Files.getPosixFilePermissions(probe)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aStaleFileRestoredWithItsOldManifestIsDeletedAgain() throws Exception {
        byte[] oldManifest = Files.readAllBytes(output(".stockade-manifest"));
        byte[] oldUnit = Files.readAllBytes(output("systemd/t.service"));
        Files.writeString(policy(), "stockade 1\n\n" + SERVER.formatted("s", "s"));
        configure(new GenerateMojo()).execute();
        assertThat(output("systemd/t.service")).doesNotExist();
        assertSkipped(configure(new GenerateMojo()));
        // As a checkout of an older commit of the output directory would leave it.
        Files.write(output("systemd/t.service"), oldUnit);
        Files.write(output(".stockade-manifest"), oldManifest);

        assertThat(assertRunsAndRepairs(configure(new GenerateMojo())))
                .contains("info: Deleted isolation/systemd/t.service (no longer generated)");
        assertThat(output("systemd/t.service")).doesNotExist();
    }

    @Test
    void anEditedOrDeletedManifestIsWrittenAgain() throws Exception {
        // Every listed file is still there as generated: only the manifest's own bytes differ.
        Path manifest = output(".stockade-manifest");
        String text = Files.readString(manifest);
        Files.writeString(manifest, (text.charAt(0) == '0' ? "1" : "0") + text.substring(1));
        assertThat(assertRunsAndRepairs(configure(new GenerateMojo())))
                .contains("info: Wrote isolation/.stockade-manifest");

        Files.delete(manifest);
        assertRunsAndRepairs(configure(new GenerateMojo()));
        assertThat(manifest).isRegularFile();
    }

    @Test
    void anEditedAddedOrRemovedPolicyRunsAgain() throws Exception {
        Files.writeString(policy(), "# reviewed, nothing else changes\n", StandardOpenOption.APPEND);
        assertRunsAndRepairs(configure(new GenerateMojo()));

        Path second = policy().resolveSibling("b.stockade");
        Files.writeString(second, "stockade 1\n\n" + SERVER.formatted("u", "u"));
        assertRunsAndRepairs(configure(new GenerateMojo()));
        assertThat(output("systemd/u.service")).isRegularFile();

        Files.delete(second);
        assertRunsAndRepairs(configure(new GenerateMojo()));
        assertThat(output("systemd/u.service")).doesNotExist();
    }

    @Test
    void eachChangedSettingRunsAgain() throws Exception {
        GenerateMojo generate = configure(new GenerateMojo());
        generate.targets = "systemd";
        assertRunsAndRepairs(generate);
        assertThat(output("probe/s.sh")).doesNotExist();

        generate.failOn = "never";
        assertRunsAndRepairs(generate);

        generate.outputDirectory = project.resolve("elsewhere").toFile();
        assertRunsAndRepairs(generate);
        assertThat(project.resolve("elsewhere/systemd/s.service")).isRegularFile();

        generate.pluginVersion = "0.2.0";
        assertRunsAndRepairs(generate);

        generate.reportDirectory = project.resolve("target/reports").toFile();
        assertRunsAndRepairs(generate);
    }

    @Test
    void deletedReportsOrRecordRunAgain() throws Exception {
        Files.delete(project.resolve("target/stockade/report.json"));
        assertRunsAndRepairs(configure(new GenerateMojo()));

        Files.delete(project.resolve("target/stockade/generate.fingerprint"));
        assertRunsAndRepairs(configure(new GenerateMojo()));
    }

    @Test
    void aMisspeltTargetFailsInsteadOfBeingSkipped() {
        GenerateMojo generate = configure(new GenerateMojo());
        generate.targets = "systemd,prbe";

        assertThatThrownBy(generate::execute)
                .hasMessageStartingWith("stockade.targets: unknown target \"prbe\"");
    }
}

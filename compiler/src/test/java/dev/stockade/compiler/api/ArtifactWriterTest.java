package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.compiler.target.Artifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, keeping and deleting generated files, and the drift that both generate and check start from. */
class ArtifactWriterTest {

    @TempDir
    Path out;

    private ArtifactWriter.Written generate(Artifact... files) throws IOException {
        return Outputs.generate(out, files);
    }

    private static String sha256(String text) {
        return GeneratedFile.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesEveryFileWithItsModeAndAManifestSha256sumCanCheck() throws IOException {
        var written = generate(Artifact.file("systemd/a.service", "[Unit]\n"), Artifact.program("probe/a.sh", "#!/bin/sh\n"));

        assertThat(written.written()).containsExactly(".stockade-manifest", "probe/a.sh", "systemd/a.service");
        assertThat(Files.readString(out.resolve("systemd/a.service"))).isEqualTo("[Unit]\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("probe/a.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("systemd/a.service"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(out.resolve(".stockade-manifest"))).isEqualTo(
                sha256("#!/bin/sh\n") + "  probe/a.sh\n" + sha256("[Unit]\n") + "  systemd/a.service\n");
        try (var leftovers = Files.walk(out)) {
            assertThat(leftovers.map(out::relativize).map(Path::toString))
                    .as("nothing staged or temporary is left")
                    .containsExactlyInAnyOrder("", ".stockade-manifest", "probe", "probe/a.sh", "systemd",
                            "systemd/a.service");
        }
    }

    @Test
    void aSecondRunTouchesNothing() throws IOException {
        Artifact unit = Artifact.file("systemd/a.service", "[Unit]\n");
        generate(unit);
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(out.resolve("systemd/a.service"), old);
        Files.setLastModifiedTime(out.resolve(".stockade-manifest"), old);

        var written = generate(unit);

        assertThat(written.nothing()).isTrue();
        assertThat(written.unchanged()).isEqualTo(2);
        assertThat(Files.getLastModifiedTime(out.resolve("systemd/a.service"))).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(out.resolve(".stockade-manifest"))).isEqualTo(old);
        assertThat(out.resolve(Staging.DIRECTORY_NAME)).doesNotExist();
    }

    @Test
    void onlyTheChangedFileIsRewritten() throws IOException {
        generate(Artifact.file("a", "1\n"), Artifact.file("b", "1\n"));
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(out.resolve("a"), old);

        var written = generate(Artifact.file("a", "1\n"), Artifact.file("b", "2\n"));

        assertThat(written.written()).containsExactly(".stockade-manifest", "b");
        assertThat(Files.getLastModifiedTime(out.resolve("a"))).isEqualTo(old);
        assertThat(out.resolve("b")).hasContent("2");
    }

    @Test
    void deletesWhatItGeneratedBeforeAndNothingElse() throws IOException {
        generate(Artifact.file("systemd/a.service", "a"), Artifact.file("systemd/b.service", "b"),
                Artifact.file("probe/b.sh", "b"));
        Files.writeString(out.resolve("systemd/README"), "mine");
        Files.writeString(out.resolve("notes.txt"), "mine");

        var written = generate(Artifact.file("systemd/a.service", "a"));

        assertThat(written.deleted()).containsExactly("probe/b.sh", "systemd/b.service");
        assertThat(out.resolve("probe")).doesNotExist();
        assertThat(out.resolve("systemd/README")).hasContent("mine");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(Manifest.read(out).sha256ByPath()).containsOnlyKeys("systemd/a.service");
    }

    @Test
    void aFileNotInTheManifestIsNeverStaleEvenWhenItLooksGenerated() throws IOException {
        Files.createDirectories(out.resolve("systemd"));
        Files.writeString(out.resolve("systemd/old.service"), "[Unit]\n");

        Drift drift = Outputs.check(out, Artifact.file("systemd/a.service", "a"));
        assertThat(drift.stale()).isEmpty();

        generate(Artifact.file("systemd/a.service", "a"));
        assertThat(out.resolve("systemd/old.service")).exists();
    }

    @Test
    void driftNamesMissingChangedStaleAndTheExecutableBit() throws IOException {
        generate(Artifact.file("a", "1\n"), Artifact.file("gone", "x\n"), Artifact.program("run.sh", "#!/bin/sh\n"));
        Files.writeString(out.resolve("a"), "hand edit\n");
        Files.setPosixFilePermissions(out.resolve("run.sh"), PosixFilePermissions.fromString("rw-r--r--"));
        Artifact[] now = {Artifact.file("a", "1\n"), Artifact.file("new", "n\n"), Artifact.program("run.sh", "#!/bin/sh\n")};

        Drift drift = Outputs.check(out, now);

        assertThat(drift.missing()).containsExactly("new");
        assertThat(drift.changed()).containsExactly(
                new Drift.Change(".stockade-manifest", true, false, false),
                new Drift.Change("a", true, false, false),
                new Drift.Change("run.sh", false, false, true));
        assertThat(drift.stale()).containsExactly("gone");
        assertThat(drift.unchanged()).isEmpty();
        generate(now);
        assertThat(Outputs.check(out, now).upToDate()).isTrue();
        assertThat(out.resolve("a")).hasContent("1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("run.sh"))))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void theArtifactsMayArriveInAnyOrderAndTheDriftIsTheSame() throws IOException {
        generate(Artifact.file("b", "1\n"), Artifact.file("d", "1\n"));
        Files.writeString(out.resolve("d"), "edited\n");
        Artifact[] forward = {Artifact.file("a", "1\n"), Artifact.file("b", "1\n"), Artifact.file("c", "1\n"),
            Artifact.file("d", "2\n")};
        Artifact[] backward = {forward[3], forward[2], forward[1], forward[0]};

        assertThat(Outputs.check(out, backward)).isEqualTo(Outputs.check(out, forward));
    }

    @Test
    void twoArtifactsWithOnePathAreABug() {
        Comparison comparison = Comparison.checking(out);
        comparison.accept(Artifact.file("a", "1\n"));

        assertThatThrownBy(() -> comparison.accept(Artifact.file("a", "2\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two artifacts share the path a");
    }

    @Test
    void aFailedRunLeavesNothingStagedAndNoDirectoryItCreated() throws IOException {
        Path fresh = out.resolve("isolation");
        try (Staging staging = Staging.in(fresh)) {
            Comparison.staging(staging).accept(Artifact.file("systemd/a.service", "a"));
            assertThat(fresh.resolve(Staging.DIRECTORY_NAME + "/systemd/a.service")).hasContent("a");
            // failOn fails the build here: nothing is applied
        }

        assertThat(fresh).doesNotExist();
    }

    @Test
    void aFailedRunAlsoLeavesNoParentItCreatedAndASuccessfulOneKeepsThem() throws IOException {
        Path deep = out.resolve("build/generated/isolation");
        try (Staging staging = Staging.in(deep)) {
            Comparison.staging(staging).accept(Artifact.file("systemd/a.service", "a"));
        }
        assertThat(out.resolve("build")).doesNotExist();
        assertThat(out).isDirectory();

        Outputs.generate(deep, Artifact.file("systemd/a.service", "a"));
        assertThat(deep.resolve("systemd/a.service")).hasContent("a");
    }

    @Test
    void aStagingLeftByAKilledBuildIsDeletedNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(out.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep"), "mine");
        Path leftover = Files.createDirectories(out.resolve("isolation/" + Staging.DIRECTORY_NAME + "/systemd"));
        Files.writeString(leftover.resolve("half.service"), "[Un");
        Files.createSymbolicLink(leftover.resolve("link"), elsewhere);

        Outputs.generate(out.resolve("isolation"), Artifact.file("systemd/a.service", "a"));

        assertThat(out.resolve("isolation/" + Staging.DIRECTORY_NAME)).doesNotExist();
        assertThat(elsewhere.resolve("keep")).hasContent("mine");
        assertThat(out.resolve("isolation/systemd/a.service")).hasContent("a");
    }

    @Test
    void aManifestThatPointsOutsideTheDirectoryIsRefused() throws IOException {
        Files.writeString(out.resolve(".stockade-manifest"), "0".repeat(64) + "  ../../etc/passwd\n");

        assertThatThrownBy(() -> Outputs.check(out))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(".stockade-manifest:1: not a manifest line");
    }

    @Test
    void aManifestLineWithoutASha256IsRefused() throws IOException {
        for (String digest : List.of("0".repeat(63), "0".repeat(65), "A".repeat(64), "g".repeat(64), "")) {
            Files.writeString(out.resolve(".stockade-manifest"), digest + "  a\n");
            assertThatThrownBy(() -> Outputs.check(out)).as(digest)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(".stockade-manifest:1: not a manifest line");
        }
    }
}

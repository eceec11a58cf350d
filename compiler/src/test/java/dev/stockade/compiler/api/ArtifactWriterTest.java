package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, keeping and deleting generated files, and the drift that both generate and check start from. */
class ArtifactWriterTest {

    @TempDir
    Path out;

    private static SortedMap<String, GeneratedFile> files(GeneratedFile... files) {
        SortedMap<String, GeneratedFile> all = new TreeMap<>();
        for (GeneratedFile file : files) {
            all.put(file.path(), file);
        }
        GeneratedFile manifest = Manifest.of(all.values()).file();
        all.put(manifest.path(), manifest);
        return all;
    }

    private ArtifactWriter.Written generate(SortedMap<String, GeneratedFile> files) throws IOException {
        return ArtifactWriter.apply(Drift.compare(files, out));
    }

    @Test
    void writesEveryFileWithItsModeAndAManifestSha256sumCanCheck() throws IOException {
        var written = generate(files(GeneratedFile.text("systemd/a.service", "[Unit]\n"),
                new GeneratedFile("probe/a.sh", "#!/bin/sh\n".getBytes(), true)));

        assertThat(written.written()).containsExactly(".stockade-manifest", "probe/a.sh", "systemd/a.service");
        assertThat(Files.readString(out.resolve("systemd/a.service"))).isEqualTo("[Unit]\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("probe/a.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("systemd/a.service"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(out.resolve(".stockade-manifest"))).isEqualTo(
                GeneratedFile.sha256("#!/bin/sh\n".getBytes()) + "  probe/a.sh\n"
                        + GeneratedFile.sha256("[Unit]\n".getBytes()) + "  systemd/a.service\n");
        try (var leftovers = Files.walk(out)) {
            assertThat(leftovers.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aSecondRunTouchesNothing() throws IOException {
        var files = files(GeneratedFile.text("systemd/a.service", "[Unit]\n"));
        generate(files);
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(out.resolve("systemd/a.service"), old);
        Files.setLastModifiedTime(out.resolve(".stockade-manifest"), old);

        var written = generate(files);

        assertThat(written.nothing()).isTrue();
        assertThat(written.unchanged()).isEqualTo(2);
        assertThat(Files.getLastModifiedTime(out.resolve("systemd/a.service"))).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(out.resolve(".stockade-manifest"))).isEqualTo(old);
    }

    @Test
    void onlyTheChangedFileIsRewritten() throws IOException {
        generate(files(GeneratedFile.text("a", "1\n"), GeneratedFile.text("b", "1\n")));
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(out.resolve("a"), old);

        var written = generate(files(GeneratedFile.text("a", "1\n"), GeneratedFile.text("b", "2\n")));

        assertThat(written.written()).containsExactly(".stockade-manifest", "b");
        assertThat(Files.getLastModifiedTime(out.resolve("a"))).isEqualTo(old);
    }

    @Test
    void deletesWhatItGeneratedBeforeAndNothingElse() throws IOException {
        generate(files(GeneratedFile.text("systemd/a.service", "a"), GeneratedFile.text("systemd/b.service", "b"),
                GeneratedFile.text("probe/b.sh", "b")));
        Files.writeString(out.resolve("systemd/README"), "mine");
        Files.writeString(out.resolve("notes.txt"), "mine");

        var written = generate(files(GeneratedFile.text("systemd/a.service", "a")));

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

        Drift drift = Drift.compare(files(GeneratedFile.text("systemd/a.service", "a")), out);

        assertThat(drift.stale()).isEmpty();
        ArtifactWriter.apply(drift);
        assertThat(out.resolve("systemd/old.service")).exists();
    }

    @Test
    void driftNamesMissingChangedStaleAndTheExecutableBit() throws IOException {
        generate(files(GeneratedFile.text("a", "1\n"), GeneratedFile.text("gone", "x\n"),
                new GeneratedFile("run.sh", "#!/bin/sh\n".getBytes(), true)));
        Files.writeString(out.resolve("a"), "hand edit\n");
        Files.setPosixFilePermissions(out.resolve("run.sh"), PosixFilePermissions.fromString("rw-r--r--"));

        Drift drift = Drift.compare(files(GeneratedFile.text("a", "1\n"), GeneratedFile.text("new", "n\n"),
                new GeneratedFile("run.sh", "#!/bin/sh\n".getBytes(), true)), out);

        assertThat(drift.missing()).containsExactly("new");
        assertThat(drift.changed()).extracting(Drift.Change::path).containsExactly(".stockade-manifest", "a", "run.sh");
        assertThat(drift.stale()).containsExactly("gone");
        ArtifactWriter.apply(drift);
        assertThat(Drift.compare(drift.expected(), out).upToDate()).isTrue();
    }

    @Test
    void aManifestThatPointsOutsideTheDirectoryIsRefused() throws IOException {
        Files.writeString(out.resolve(".stockade-manifest"), "0".repeat(64) + "  ../../etc/passwd\n");

        assertThatThrownBy(() -> Drift.compare(files(), out))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(".stockade-manifest:1: not a manifest line");
    }

    @Test
    void aManifestLineWithoutASha256IsRefused() throws IOException {
        for (String digest : List.of("0".repeat(63), "0".repeat(65), "A".repeat(64), "g".repeat(64), "")) {
            Files.writeString(out.resolve(".stockade-manifest"), digest + "  a\n");
            assertThatThrownBy(() -> Drift.compare(files(), out)).as(digest)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(".stockade-manifest:1: not a manifest line");
        }
    }
}

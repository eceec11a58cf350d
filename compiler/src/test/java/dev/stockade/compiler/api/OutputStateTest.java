package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Artifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputStateTest {

    @TempDir
    Path dir;

    private Optional<String> generated;

    /** A directory as generate leaves it: a text file, a program, and the manifest. */
    @BeforeEach
    void generate() throws IOException {
        Outputs.generate(dir, Artifact.file("a", "x\n"), Artifact.program("bin/run.sh", "#!/bin/sh\n"));
        generated = OutputState.of(dir);
    }

    @Test
    void anUntouchedDirectoryKeepsItsStateAndFilesNotListedDoNotCount() throws IOException {
        assertThat(generated).isPresent().isEqualTo(OutputState.of(dir));
        Files.writeString(dir.resolve("notes.txt"), "ours\n");
        assertThat(OutputState.of(dir)).isEqualTo(generated);
    }

    @Test
    void aHandEditChangesTheStateUntilTheContentIsBack() throws IOException {
        Files.writeString(dir.resolve("a"), "edited\n");
        assertThat(OutputState.of(dir)).isNotEqualTo(generated);
        Files.writeString(dir.resolve("a"), "y\n");
        assertThat(OutputState.of(dir)).as("same size, other content").isNotEqualTo(generated);
        Files.writeString(dir.resolve("a"), "x\n");
        assertThat(OutputState.of(dir)).as("the content as generated again").isEqualTo(generated);
        Files.delete(dir.resolve("a"));
        assertThat(OutputState.of(dir)).isEmpty();
    }

    @Test
    void theStateARunRecordsFromWhatItComparedIsTheStateReadBack() throws IOException {
        Files.writeString(dir.resolve("kept.txt"), "not Stockade's\n");
        Artifact[] next = {Artifact.file("a", "changed\n"), Artifact.program("bin/other.sh", "#!/bin/sh\nexit 0\n"),
            Artifact.file("empty", "")};
        Optional<String> recorded = applied(next);
        assertThat(Files.exists(dir.resolve("bin/run.sh"))).as("the stale program was deleted").isFalse();
        assertThat(recorded).isPresent().isEqualTo(OutputState.of(dir)).isNotEqualTo(generated);

        assertThat(applied(next)).as("a run that writes nothing").isEqualTo(recorded).isEqualTo(OutputState.of(dir));
        Files.writeString(dir.resolve("a"), "edited\n");
        assertThat(OutputState.of(dir)).as("an edit after the run").isNotEqualTo(recorded);
    }

    /** Compares {@code files} as generate does, applies the drift, and gives the state the comparison makes of it. */
    private Optional<String> applied(Artifact... files) throws IOException {
        try (Staging staging = Staging.in(dir)) {
            Comparison comparison = Comparison.staging(staging);
            Drift drift = Outputs.compare(comparison, files);
            ArtifactWriter.apply(drift, staging);
            return comparison.stateOnceApplied(drift);
        }
    }

    @Test
    void anotherOwnerExecuteBitChangesTheState() throws IOException {
        Path script = dir.resolve("bin/run.sh");
        assertThat(Files.getFileAttributeView(script, PosixFileAttributeView.class))
                .as("POSIX modes (the execute bit is part of the state)").isNotNull();

        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r-xr-x"));
        assertThat(OutputState.of(dir)).isNotEqualTo(generated);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(OutputState.of(dir)).isEqualTo(generated);
        Files.setPosixFilePermissions(dir.resolve("a"), PosixFilePermissions.fromString("rwxr--r--"));
        assertThat(OutputState.of(dir)).isNotEqualTo(generated);
    }

    @Test
    void anyEditOfTheManifestChangesTheState() throws IOException {
        Path manifest = dir.resolve(Manifest.FILE_NAME);
        String text = Files.readString(manifest);

        Files.writeString(manifest, (text.charAt(0) == '0' ? "1" : "0") + text.substring(1));
        assertThat(OutputState.of(dir)).as("a digest edited, every listed file intact").isNotEqualTo(generated);

        Files.writeString(dir.resolve("stale.txt"), "from an older run\n");
        Files.writeString(manifest, text + GeneratedFile.sha256(new byte[0]) + "  stale.txt\n");
        assertThat(OutputState.of(dir)).as("a listed file that is no longer generated").isNotEqualTo(generated);

        Files.writeString(manifest, text + "not a manifest line\n");
        assertThat(OutputState.of(dir)).isEmpty();

        Files.writeString(manifest, text, StandardCharsets.UTF_8);
        assertThat(OutputState.of(dir)).as("the manifest as written").isEqualTo(generated);
        Files.delete(manifest);
        assertThat(OutputState.of(dir)).as("no manifest").isNotEqualTo(generated);
    }
}

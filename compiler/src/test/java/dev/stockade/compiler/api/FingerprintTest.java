package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    private static SortedMap<String, String> settings(String failOn) {
        return new TreeMap<>(java.util.Map.of("failOn", failOn, "version", "1"));
    }

    private static SortedMap<String, byte[]> policy(String path, String text) {
        return new TreeMap<>(java.util.Map.of(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void changesWithThePoliciesAndTheSettingsOnly() {
        String base = Fingerprint.of(policy("a.stockade", "stockade 1\n"), settings("error"));

        assertThat(Fingerprint.of(policy("a.stockade", "stockade 1\n"), settings("error"))).isEqualTo(base);
        assertThat(Fingerprint.of(policy("a.stockade", "stockade 1\n\n"), settings("error"))).isNotEqualTo(base);
        assertThat(Fingerprint.of(policy("b.stockade", "stockade 1\n"), settings("error"))).isNotEqualTo(base);
        assertThat(Fingerprint.of(policy("a.stockade", "stockade 1\n"), settings("warning"))).isNotEqualTo(base);
        assertThat(base).as("the format kept from String.format(\"%08x%08x-%x\", ...)").matches("[0-9a-f]{16}-[0-9a-f]+");
    }

    @Test
    void aRecordMatchesOnlyItsOwnFingerprintAndCanBeForgotten() throws IOException {
        Path file = dir.resolve("target/stockade/validate.fingerprint");
        Fingerprint.record(file, "abc", "1 warning");

        assertThat(Fingerprint.recorded(file, "abc")).contains("1 warning");
        assertThat(Fingerprint.recorded(file, "abd")).isEmpty();
        Fingerprint.forget(file);
        assertThat(Fingerprint.recorded(file, "abc")).isEmpty();
    }

    @Test
    void anOutputDirectoryWithAHandEditIsModified() throws IOException {
        var files = new TreeMap<String, GeneratedFile>();
        files.put("a", GeneratedFile.text("a", "x\n"));
        files.put(Manifest.FILE_NAME, Manifest.of(List.of(files.get("a"))).file());
        ArtifactWriter.apply(Drift.compare(files, dir));
        String state = Fingerprint.outputState(dir);

        assertThat(state).isNotEqualTo("modified").isEqualTo(Fingerprint.outputState(dir));
        Files.writeString(dir.resolve("a"), "edited\n");
        assertThat(Fingerprint.outputState(dir)).isNotEqualTo(state);
        Files.writeString(dir.resolve("a"), "y\n");
        assertThat(Fingerprint.outputState(dir)).as("same size, other content").isNotEqualTo(state);
        Files.writeString(dir.resolve("a"), "x\n");
        assertThat(Fingerprint.outputState(dir)).as("the content as generated again").isEqualTo(state);
        Files.delete(dir.resolve("a"));
        assertThat(Fingerprint.outputState(dir)).isEqualTo("modified");
    }

    @Test
    void anOutputDirectoryWithAnotherExecuteBitOrAnEditedManifestIsModified() throws IOException {
        var files = new TreeMap<String, GeneratedFile>();
        files.put("run.sh", new GeneratedFile("run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), true));
        files.put(Manifest.FILE_NAME, Manifest.of(List.of(files.get("run.sh"))).file());
        ArtifactWriter.apply(Drift.compare(files, dir));
        String state = Fingerprint.outputState(dir);
        Path script = dir.resolve("run.sh");
        Assumptions.assumeTrue(Files.getFileAttributeView(script, PosixFileAttributeView.class) != null, "POSIX modes");

        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r-xr-x"));
        assertThat(Fingerprint.outputState(dir)).as("owner execute bit cleared").isNotEqualTo(state);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Fingerprint.outputState(dir)).isEqualTo(state);

        Path manifest = dir.resolve(Manifest.FILE_NAME);
        Files.writeString(manifest, GeneratedFile.sha256(new byte[0]) + "  stale.txt\n", StandardOpenOption.APPEND);
        assertThat(Fingerprint.outputState(dir)).as("a line added to the manifest").isNotEqualTo(state);
        Files.delete(manifest);
        assertThat(Fingerprint.outputState(dir)).as("no manifest").isNotEqualTo(state);
    }
}

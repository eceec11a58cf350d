package dev.stockade.compiler.api;

import dev.stockade.dsl.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What a run depended on, as one SHA-256: the policies (paths and text), the plugin version and
 * the configuration. A goal records it after a successful run and skips the next run when it has
 * not changed, which keeps a build that touches no policy quiet and fast.
 *
 * <p>The record is two lines, the fingerprint and the summary of the run it stands for, so a
 * skipped run can still say what the last one found.
 */
public final class Fingerprint {

    private static final String FORMAT = "stockade-fingerprint 1";

    private Fingerprint() {
    }

    /**
     * The fingerprint of a run. Settings are hashed in key order; each string is length-prefixed,
     * so no two different inputs can be spelled the same way.
     */
    public static String of(List<SourceFile> sources, SortedMap<String, String> settings) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        put(input, FORMAT);
        settings.forEach((key, value) -> {
            put(input, key);
            put(input, value);
        });
        for (SourceFile source : sources) {
            put(input, source.path());
            put(input, source.text());
        }
        return GeneratedFile.sha256(input.toByteArray());
    }

    private static void put(ByteArrayOutputStream input, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        input.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        input.writeBytes(bytes);
    }

    /**
     * The summary recorded with {@code fingerprint} in {@code file}, or empty when the file is
     * absent, unreadable or holds another fingerprint (then the run is not up to date).
     */
    public static Optional<String> recorded(Path file, String fingerprint) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() == 2 && lines.get(0).equals(fingerprint)) {
                return Optional.of(lines.get(1));
            }
        } catch (IOException | RuntimeException unreadable) {
            // Not up to date, then: the run redoes the work and writes a fresh record.
        }
        return Optional.empty();
    }

    /** Records a successful run. */
    public static void record(Path file, String fingerprint, String summary) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, fingerprint + "\n" + summary.replace('\n', ' ') + "\n", StandardCharsets.UTF_8);
    }

    /** Forgets the last run, before a new one starts: a run that fails must not leave an old success behind. */
    public static void forget(Path file) throws IOException {
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException absent) {
            // Already gone.
        }
    }

    /**
     * The state of an output directory as a fingerprint setting: the manifest's hash when every
     * file it lists is there with the listed content, otherwise {@code "modified"}, which no
     * recorded fingerprint can match (a run records only after writing a whole directory).
     */
    public static String outputState(Path outputDirectory) {
        try {
            Manifest manifest = Manifest.read(outputDirectory);
            for (var entry : manifest.sha256ByPath().entrySet()) {
                Path file = outputDirectory.resolve(entry.getKey());
                if (!Files.isRegularFile(file) || !GeneratedFile.sha256(Files.readAllBytes(file)).equals(entry.getValue())) {
                    return "modified";
                }
            }
            return manifest.file().sha256();
        } catch (IOException unreadable) {
            return "modified";
        }
    }
}

package dev.stockade.compiler.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Map;
import java.util.Optional;

/**
 * The state of an output directory, as a setting of {@code generate}'s {@link Fingerprint}: a
 * {@link Checksum} of the {@link Manifest} file and of every file it lists (path, content sum
 * and owner-execute bit: content and mode are the two things {@link Drift} compares); none when a
 * listed file is missing or unreadable or the manifest holds a line Stockade never writes. A
 * directory without a state is never up to date, and a run that leaves one records nothing (a
 * constant standing for it would match itself on the next run).
 *
 * <p>Why an unchanged state lets {@code generate} skip: a run records its fingerprint only after
 * it brought the whole directory to exactly what the policies compile to, so at that moment every
 * listed file matched and no listed file was stale. Afterwards, an edited, re-moded or deleted
 * generated file changes this state; so does any edit of the manifest, which is the only way a
 * stale file (one the manifest lists that is no longer generated) can come back while the
 * policies, plugin version and configuration stay the same. Files the manifest does not list are
 * never Stockade's to write or delete, and {@link Drift} ignores them too.
 *
 * <p>The manifest is not validated here, only split into lines: every recorded state was taken of
 * a manifest Stockade had just written (and {@link Manifest} validated), and a manifest that
 * differs from it in any byte already makes the state differ, whatever its lines say. The run
 * that follows reads it with {@link Manifest#read}, which reports what is wrong with it. Parsing
 * and validating it here cost about 4 ms of CPU in a fresh JVM, a quarter of the skip.
 *
 * <p>A file enters the state as its {@link Checksum#contentSum} (CRC-32, CRC-32C, length), so
 * the state a run records can be made from the bytes it compared ({@link Comparison#stateOnceApplied}):
 * reading back what it had just written took 2.2 s of a 10,000-server {@code generate} (1.3 GB
 * in 168,000 files), and reading only their modes 0.6 s.
 */
public final class OutputState {

    // A manifest line is "<64 hex digits>  <path>\n" (Manifest.file()).
    private static final int PATH_OFFSET = 64 + 2;
    private static final byte[] EXECUTABLE = {'x'};
    private static final byte[] NOT_EXECUTABLE = {'-'};

    private OutputState() {
    }

    public static Optional<String> of(Path outputDirectory) {
        byte[] manifest;
        try {
            manifest = WholeFile.read(outputDirectory.resolve(Manifest.FILE_NAME));
        } catch (NoSuchFileException absent) {
            manifest = new byte[0];
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return of(outputDirectory, manifest, Map.of());
    }

    /** What a run knows of a file it has just written or found as it should be: its content sum and execute bit. */
    record Known(byte[] contentSum, boolean executable) {
    }

    /**
     * The state of {@code outputDirectory} if its manifest holds {@code manifest}, taking what
     * {@code known} holds of a listed file instead of reading it: its content sum, and its execute
     * bit where the file system has POSIX modes (elsewhere {@link Drift#isExecutable} reads every
     * bit as clear). A file {@code known} lacks is read.
     */
    static Optional<String> of(Path outputDirectory, byte[] manifest, Map<String, Known> known) {
        Checksum sum = new Checksum();
        sum.put(manifest);
        try {
            boolean posix = !known.isEmpty()
                    && Files.getFileAttributeView(outputDirectory, PosixFileAttributeView.class) != null;
            for (int start = 0, end; start < manifest.length; start = end + 1) {
                end = lineEnd(manifest, start);
                if (end - start <= PATH_OFFSET) {
                    return Optional.empty();
                }
                String path = new String(manifest, start + PATH_OFFSET, end - start - PATH_OFFSET, StandardCharsets.UTF_8);
                sum.put(manifest, start + PATH_OFFSET, end - start - PATH_OFFSET);
                Known file = known.get(path);
                if (file == null) {
                    Path onDisk = outputDirectory.resolve(path);
                    sum.put(Checksum.contentSum(WholeFile.read(onDisk)));
                    sum.put(Drift.isExecutable(onDisk, false) ? EXECUTABLE : NOT_EXECUTABLE);
                } else {
                    sum.put(file.contentSum());
                    sum.put(posix && file.executable() ? EXECUTABLE : NOT_EXECUTABLE);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Missing, unreadable, or a path the file system rejects.
            return Optional.empty();
        }
        return Optional.of(sum.hex());
    }

    private static int lineEnd(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}

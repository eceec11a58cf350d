package dev.stockade.compiler.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The state of an output directory, as a setting of {@code generate}'s {@link Fingerprint}: a
 * {@link Checksum} of the {@link Manifest} file and of every file it lists (path, content and
 * owner-execute bit, the two things {@link Drift} compares); none when a listed file is missing
 * or unreadable or the manifest holds a line Stockade never writes. A directory without a state
 * is never up to date, and a run that leaves one records nothing (a constant standing for it
 * would match itself on the next run).
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
        Checksum sum = new Checksum();
        sum.put(manifest);
        try {
            for (int start = 0, end; start < manifest.length; start = end + 1) {
                end = lineEnd(manifest, start);
                if (end - start <= PATH_OFFSET) {
                    return Optional.empty();
                }
                String path = new String(manifest, start + PATH_OFFSET, end - start - PATH_OFFSET, StandardCharsets.UTF_8);
                Path file = outputDirectory.resolve(path);
                sum.put(manifest, start + PATH_OFFSET, end - start - PATH_OFFSET);
                sum.put(WholeFile.read(file));
                sum.put(Drift.isExecutable(file, false) ? EXECUTABLE : NOT_EXECUTABLE);
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

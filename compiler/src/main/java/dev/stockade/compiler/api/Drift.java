package dev.stockade.compiler.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

/**
 * How an output directory differs from what the policies compile to: the comparison that both
 * {@link ArtifactWriter} (which applies it) and {@link DriftCheck} (which reports it) start from,
 * so {@code generate} and {@code check} can never disagree about what is out of date. A
 * {@link Comparison} makes it while the compile runs; it holds paths and digests, not contents.
 *
 * @param directory the output directory
 * @param expected the manifest the directory should hold: every generated file and its SHA-256
 * @param missing expected files (the manifest included) that are not there
 * @param changed expected files that are there with other bytes or another executable bit
 * @param stale files the previous manifest lists that are no longer produced but still exist
 * @param unchanged expected files that are there exactly as they should be
 * @param diff the start of the diff of the changed and missing files ({@link DiffPreview#NONE}
 *     when comparing for {@code generate})
 */
public record Drift(Path directory, Manifest expected, List<String> missing, List<Change> changed,
        List<String> stale, List<String> unchanged, DiffPreview diff) {

    /** An expected file whose bytes or executable bit differ on disk. */
    public record Change(String path, boolean contentDiffers, boolean actualExecutable, boolean expectedExecutable) {
    }

    public Drift {
        missing = List.copyOf(missing);
        changed = List.copyOf(changed);
        stale = List.copyOf(stale);
        unchanged = List.copyOf(unchanged);
    }

    /** True when the directory holds exactly what {@code generate} would write. */
    public boolean upToDate() {
        return missing.isEmpty() && changed.isEmpty() && stale.isEmpty();
    }

    /** The file's bytes, or null when there is no such file. */
    static byte[] readIfPresent(Path file) throws IOException {
        // Every file is missing on a first generate: one stat says so, where a failed read costs
        // two exceptions (FileInputStream's, then NIO's typed one), 10 % of the workers' CPU for
        // 168,000 files. A file that goes missing after the stat is still caught below.
        if (!file.toFile().exists()) {
            return null;
        }
        try {
            return WholeFile.read(file);
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException failure) {
            throw new IOException("cannot read " + file + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * The owner's execute bit; on a file system without POSIX permissions the bit cannot differ,
     * so it reads as what was expected.
     */
    static boolean isExecutable(Path file, boolean expected) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return expected;
        }
        return posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }
}

package dev.stockade.compiler.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * How an output directory differs from what the policies compile to: the comparison that both
 * {@link ArtifactWriter} (which applies it) and {@link DriftCheck} (which reports it) start from,
 * so {@code generate} and {@code check} can never disagree about what is out of date.
 *
 * @param directory the output directory
 * @param expected every file it should hold, the manifest included
 * @param missing expected files that are not there
 * @param changed expected files that are there with other bytes or another executable bit
 * @param stale files the previous manifest lists that are no longer produced but still exist
 * @param unchanged expected files that are there exactly as they should be
 */
public record Drift(Path directory, SortedMap<String, GeneratedFile> expected, List<String> missing,
        List<Change> changed, List<String> stale, List<String> unchanged) {

    /** An expected file whose bytes or executable bit differ on disk. */
    public record Change(GeneratedFile expected, byte[] actual, boolean actualExecutable) {

        public String path() {
            return expected.path();
        }

        public boolean contentDiffers() {
            return !expected.hasContent(actual);
        }
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

    /**
     * Compares {@code expected} with {@code directory} (which need not exist).
     *
     * @throws IOException when a file cannot be read or the manifest is corrupt, naming the path
     */
    public static Drift compare(SortedMap<String, GeneratedFile> expected, Path directory) throws IOException {
        List<String> missing = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (GeneratedFile file : expected.values()) {
            Path onDisk = directory.resolve(file.path());
            byte[] actual = readIfPresent(onDisk);
            if (actual == null) {
                missing.add(file.path());
                continue;
            }
            boolean executable = isExecutable(onDisk, file.executable());
            if (file.hasContent(actual) && executable == file.executable()) {
                unchanged.add(file.path());
            } else {
                changed.add(new Change(file, actual, executable));
            }
        }
        List<String> stale = new ArrayList<>();
        for (String path : Manifest.read(directory).sha256ByPath().keySet()) {
            if (!expected.containsKey(path) && Files.exists(directory.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                stale.add(path);
            }
        }
        return new Drift(directory, expected, missing, changed, stale, unchanged);
    }

    private static byte[] readIfPresent(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
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

package dev.stockade.compiler.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The list of files Stockade generated into an output directory, kept there as
 * {@value #FILE_NAME}: one {@code <sha256>  <path>} line per file, sorted by path, the format
 * {@code sha256sum} prints, so {@code sha256sum -c .stockade-manifest} in that directory verifies it.
 *
 * <p>It is what makes deleting safe: a file is removed only when the manifest says Stockade wrote
 * it, and a path in a manifest is accepted only when it stays inside the output directory.
 */
public record Manifest(SortedMap<String, String> sha256ByPath) {

    public static final String FILE_NAME = ".stockade-manifest";

    public Manifest {
        sha256ByPath = Collections.unmodifiableSortedMap(new TreeMap<>(sha256ByPath));
        for (String path : sha256ByPath.keySet()) {
            requireSafePath(path);
        }
    }

    /** The manifest as the file it is written to; the same entries always give the same bytes. */
    public GeneratedFile file() {
        StringBuilder text = new StringBuilder();
        sha256ByPath.forEach((path, sha256) -> text.append(sha256).append("  ").append(path).append('\n'));
        return GeneratedFile.text(FILE_NAME, text.toString());
    }

    /**
     * Reads the manifest of {@code outputDirectory}; a directory without one has an empty manifest
     * (nothing in it is Stockade's to delete).
     *
     * @throws IOException when the file cannot be read or a line is not {@code <sha256>  <path>}
     *     with a relative path inside the directory
     */
    public static Manifest read(Path outputDirectory) throws IOException {
        Path file = outputDirectory.resolve(FILE_NAME);
        String text;
        try {
            // A strict decoder, as Files.readString: malformed UTF-8 is an IOException, not U+FFFD.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(WholeFile.read(file))).toString();
        } catch (NoSuchFileException absent) {
            return new Manifest(new TreeMap<>());
        }
        SortedMap<String, String> entries = new TreeMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            int gap = line.indexOf("  ");
            String sha256 = gap < 0 ? "" : line.substring(0, gap);
            String path = gap < 0 ? "" : line.substring(gap + 2);
            if (!isSha256(sha256) || !isSafePath(path)) {
                throw new IOException(file + ":" + number + ": not a manifest line (\"<sha256>  <relative path>\"); "
                        + "delete the file and run generate again to rebuild it");
            }
            entries.put(path, sha256);
        }
        return new Manifest(entries);
    }

    /** 64 lowercase hex digits (a loop: the up-to-date check reads every line in a fresh JVM). */
    static boolean isSha256(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** True for a relative, normalized {@code /}-separated path that cannot leave its directory. */
    static boolean isSafePath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")
                || path.contains("\n") || path.contains("\r") || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return !path.equals(FILE_NAME);
    }

    private static void requireSafePath(String path) {
        if (!isSafePath(path)) {
            throw new IllegalArgumentException("not a safe relative path: " + path);
        }
    }
}

package dev.stockade.compiler.api;

import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds the policy files of a project: every {@code **}{@code /*.stockade} below one directory.
 *
 * <p>Files come back sorted by display path, so the parser sees them in the same order on every
 * machine and "the second" duplicate server is always the same one. Display paths use {@code /}
 * and are relative to the base directory (normally the project root), which keeps absolute paths
 * of the build machine out of reports.
 *
 * <p>Symbolic links are followed, so a policy directory may link to shared policies; a link that
 * loops back to one of its ancestors is reported as an {@link IOException} naming the link, never
 * walked forever. Anything that cannot be read is an {@link IOException} whose message names the
 * file and the reason: it is a problem of the build machine, not of a policy.
 */
public final class PolicySources {

    /** The file name extension of a policy file. */
    public static final String EXTENSION = ".stockade";

    private PolicySources() {
    }

    /**
     * Loads every policy file below {@code policyDirectory}.
     *
     * @return the files sorted by display path; empty when the directory does not exist or holds no
     *     policy file (callers decide whether that deserves a warning)
     * @throws IOException when the directory is not a directory, a file cannot be read, or links loop
     */
    public static List<SourceFile> load(Path policyDirectory, Path baseDirectory) throws IOException {
        return decode(read(policyDirectory, baseDirectory));
    }

    /**
     * The bytes of every policy file below {@code policyDirectory}, by display path, not yet
     * decoded: what a {@link Fingerprint} covers, so an up-to-date run never decodes a policy.
     *
     * @return the files sorted by display path; empty when the directory does not exist or holds no
     *     policy file
     * @throws IOException when the directory is not a directory, a file cannot be read, or links loop
     */
    public static SortedMap<String, byte[]> read(Path policyDirectory, Path baseDirectory) throws IOException {
        Path root = policyDirectory.toAbsolutePath().normalize();
        Path base = baseDirectory.toAbsolutePath().normalize();
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("policy directory " + displayPath(root, base) + " is not a directory");
        }
        for (Path file : find(root, base)) {
            // INVARIANT: distinct files have distinct display paths (both are normalized).
            files.put(displayPath(file, base), readFile(file, base));
        }
        return files;
    }

    /** The files {@link #read} found, decoded, in display path order. */
    public static List<SourceFile> decode(SortedMap<String, byte[]> files) {
        List<SourceFile> sources = new ArrayList<>(files.size());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            sources.add(SourceFile.fromBytes(file.getKey(), file.getValue()));
        }
        return List.copyOf(sources);
    }

    /**
     * The path a finding in {@code file} is reported under: relative to {@code base} with {@code /}
     * separators; a file outside {@code base} keeps its absolute path, which is honest and rare.
     */
    public static String displayPath(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        String text = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        return text.isEmpty() ? "." : text;
    }

    private static List<Path> find(Path root, Path base) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        // A dangling link arrives here with the link's own attributes; keep it, so
                        // reading it fails with a message instead of the file silently vanishing.
                        if (file.getFileName().toString().endsWith(EXTENSION) && !attributes.isDirectory()) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                        throw explain(file, base, failure);
                    }
                });
        return found;
    }

    private static byte[] readFile(Path file, Path base) throws IOException {
        try {
            return WholeFile.read(file);
        } catch (IOException failure) {
            throw explain(file, base, failure);
        }
    }

    /** The failure in the user's terms, naming the file by its display path. */
    static IOException explain(Path file, Path base, IOException failure) {
        String where = displayPath(file, base);
        String message;
        if (failure instanceof FileSystemLoopException) {
            message = "symbolic link loop at " + where + ": it leads back to one of its own parent directories";
        } else if (failure instanceof AccessDeniedException) {
            message = "cannot read " + where + ": permission denied";
        } else if (failure instanceof NoSuchFileException) {
            message = "cannot read " + where + ": it does not exist (a broken symbolic link?)";
        } else {
            message = "cannot read " + where + ": " + failure.getMessage();
        }
        return new IOException(message, failure);
    }
}

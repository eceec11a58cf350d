package dev.stockade.compiler.api;

import dev.stockade.dsl.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
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

    /**
     * Every non-directory named {@code *.stockade} below {@code root}, following links.
     *
     * <p>Walked with {@link File}, which every JVM has loaded before {@code main}: an up-to-date
     * build walks this tree in a fresh class realm, where {@link Files#walkFileTree} loads a dozen
     * classes of its own; {@link #read} of the four bundled examples took 4.6 ms of CPU with it
     * and 2.6 ms with this walk (docs/performance.md). What {@link File} cannot tell apart (an
     * entry that is neither a file nor a directory, a directory it cannot list) is asked of NIO
     * as {@link Files#walkFileTree} would ask it, so failures keep their typed exceptions, which
     * {@link #explain} words.
     */
    private static List<Path> find(Path root, Path base) throws IOException {
        List<Path> found = new ArrayList<>();
        List<String> ancestors = new ArrayList<>();
        ancestors.add(root.toFile().getCanonicalPath());
        walk(root.toFile(), ancestors, found, base);
        return found;
    }

    private static void walk(File directory, List<String> ancestors, List<Path> found, Path base) throws IOException {
        String[] names = directory.list();
        if (names == null) {
            throw explain(directory.toPath(), base, whyUnlistable(directory.toPath()));
        }
        for (String name : names) {
            File entry = new File(directory, name);
            if (entry.isFile()) {
                if (name.endsWith(EXTENSION)) {
                    found.add(entry.toPath());
                }
            } else if (entry.isDirectory()) {
                // INVARIANT: a link that leads back to a directory being walked is refused before
                // it is entered, so the walk ends (Files.walkFileTree compares file keys instead).
                String canonical = entry.getCanonicalPath();
                if (ancestors.contains(canonical)) {
                    throw explain(entry.toPath(), base, new FileSystemLoopException(entry.getPath()));
                }
                ancestors.add(canonical);
                walk(entry, ancestors, found, base);
                ancestors.remove(ancestors.size() - 1);
            } else {
                visitUnusual(entry.toPath(), found, base);
            }
        }
    }

    /**
     * An entry that is neither a file nor a directory to {@link File}: a dangling link, a special
     * file, or one whose type cannot be read. Kept or refused as {@link Files#walkFileTree} with
     * {@code FOLLOW_LINKS} does: a dangling link is kept (reading it then says it is broken
     * instead of the file silently vanishing), an entry that cannot be examined is an error.
     */
    private static void visitUnusual(Path entry, List<Path> found, Path base) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class);
        } catch (IOException failure) {
            try {
                attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException notEvenALink) {
                throw explain(entry, base, failure);
            }
        }
        if (!attributes.isDirectory() && entry.getFileName().toString().endsWith(EXTENSION)) {
            found.add(entry);
        }
    }

    /** NIO's reason a directory cannot be listed. */
    private static IOException whyUnlistable(Path directory) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return new IOException("the directory could not be listed");
        } catch (IOException failure) {
            return failure;
        }
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

package dev.stockade.compiler.api;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@code generate} keeps the files that differ from the output directory while the compile
 * runs, until {@code failOn} has judged the findings and {@link ArtifactWriter} moves them into
 * place: {@value #DIRECTORY_NAME} inside the output directory, so each move is a rename on the
 * same file system and a file appears whole. Holding them on disk rather than in memory is what
 * lets a fleet of thousands of servers generate without holding its output in the heap.
 *
 * <p>The directory is Stockade's by its name alone: a leftover one (from a build that was killed)
 * is deleted when the next staging opens, and {@link #close()} deletes it with whatever was not
 * moved, so a build that fails on its findings leaves the output directory as it was.
 */
public final class Staging implements Closeable {

    public static final String DIRECTORY_NAME = ".stockade-staging";

    private final Path directory;
    private final Path root;
    /** The output directory and its parents that did not exist when the staging opened, deepest first. */
    private final List<Path> created;
    /**
     * The directories this staging made sure of. Files.createDirectories on a directory that
     * exists costs a failed mkdir and an exception with its stack trace: 6 to 15 microseconds,
     * twice per file, 3 s of a 10,000-server generate (a handful of distinct directories).
     */
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();

    private Staging(Path directory, List<Path> created) {
        this.directory = directory;
        this.root = directory.resolve(DIRECTORY_NAME);
        this.created = created;
    }

    /**
     * Opens the staging of {@code directory} (which need not exist; nothing is created until a
     * file is staged), deleting what an earlier, interrupted build left there.
     *
     * @throws IOException when the leftover cannot be deleted
     */
    public static Staging in(Path directory) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path path = directory; path != null && !Files.exists(path, LinkOption.NOFOLLOW_LINKS); path = path.getParent()) {
            missing.add(path);
        }
        Staging staging = new Staging(directory, List.copyOf(missing));
        staging.deleteStaged();
        return staging;
    }

    /** The output directory the staged files belong to. */
    public Path directory() {
        return directory;
    }

    /** Keeps {@code content} for {@code path}, with its final mode; thread-safe. */
    void put(String path, byte[] content, boolean executable) throws IOException {
        Path file = root.resolve(path);
        try {
            directoryFor(file);
            Files.write(file, content);
            setMode(file, executable);
        } catch (IOException failure) {
            throw new IOException("cannot stage " + file + ": " + failure.getMessage(), failure);
        }
    }

    /** Moves the staged file for {@code path} to its place in the output directory, replacing what is there. */
    void moveIntoPlace(String path) throws IOException {
        Path target = directory.resolve(path);
        try {
            directoryFor(target);
            move(root.resolve(path), target);
        } catch (IOException failure) {
            throw new IOException("cannot write " + target + ": " + failure.getMessage(), failure);
        }
    }

    /** Creates the directory {@code file} goes in, unless this staging has already. */
    private void directoryFor(Path file) throws IOException {
        Path parent = file.getParent();
        if (!directories.contains(parent)) {
            Files.createDirectories(parent);
            directories.add(parent);
        }
    }

    private static void setMode(Path file, boolean executable) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        } else if (executable && !file.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes what is still staged; and the output directory and the parents staging created for
     * it, as far up as they stayed empty.
     */
    @Override
    public void close() throws IOException {
        deleteStaged();
        for (Path path : created) {
            try {
                Files.deleteIfExists(path);
            } catch (DirectoryNotEmptyException written) {
                // the files were moved into place: the directory is the build's now, and so are its parents
                return;
            }
        }
    }

    private void deleteStaged() throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            // Links are deleted, never followed: nothing outside the staging directory is touched.
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException failure) {
            throw new IOException("cannot delete the staging directory " + root + ": " + failure.getMessage(), failure);
        }
    }
}

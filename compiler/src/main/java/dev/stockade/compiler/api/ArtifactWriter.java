package dev.stockade.compiler.api;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Brings an output directory up to date with a {@link Drift}: writes the missing and changed
 * files, deletes the stale ones, and keeps the {@link Manifest}.
 *
 * <p>Unchanged files are not touched, so their modification times stay put and tools that watch
 * them see nothing. Every file, the manifest included, is staged ({@link Staging}) and moved into
 * place, so a build that dies half way leaves whole files. Generated files get mode 0644, programs
 * 0755: the same on every machine whatever its umask.
 */
public final class ArtifactWriter {

    private ArtifactWriter() {
    }

    /** What a write did, by path relative to the output directory, in path order. */
    public record Written(List<String> written, List<String> deleted, int unchanged) {

        public Written {
            written = List.copyOf(written);
            deleted = List.copyOf(deleted);
        }

        public boolean nothing() {
            return written.isEmpty() && deleted.isEmpty();
        }
    }

    /**
     * Applies {@code drift} to its directory, creating the directory as needed: moves the files
     * {@code staging} holds for the missing and changed ones into place, deletes the stale ones,
     * and writes the manifest.
     *
     * @param staging where the {@link Comparison} that made {@code drift} staged the files
     * @throws IOException naming the file that could not be written or deleted
     */
    public static Written apply(Drift drift, Staging staging) throws IOException {
        if (drift.upToDate()) {
            return new Written(List.of(), List.of(), drift.unchanged().size());
        }
        Path directory = drift.directory();
        List<String> toWrite = new ArrayList<>(drift.missing());
        drift.changed().forEach(change -> toWrite.add(change.path()));
        toWrite.remove(Manifest.FILE_NAME);
        // INVARIANT: a file is listed in the manifest on disk before it is created, so a build
        // that dies half way can never leave a generated file that a later run would not delete.
        boolean manifestWritten = false;
        if (!toWrite.isEmpty()) {
            manifestWritten = writeIfDifferent(directory, staging, interimManifest(drift));
        }
        List<String> written = new ArrayList<>();
        for (String path : toWrite) {
            staging.moveIntoPlace(path);
            written.add(path);
        }
        List<String> deleted = new ArrayList<>();
        for (String path : drift.stale()) {
            delete(directory, path);
            deleted.add(path);
        }
        manifestWritten |= writeIfDifferent(directory, staging, drift.expected().file());
        if (manifestWritten) {
            written.add(Manifest.FILE_NAME);
        }
        written.sort(null);
        return new Written(written, deleted, drift.unchanged().size());
    }

    /** Everything expected plus everything still to be deleted. */
    private static GeneratedFile interimManifest(Drift drift) throws IOException {
        SortedMap<String, String> entries = new TreeMap<>(Manifest.read(drift.directory()).sha256ByPath());
        entries.keySet().retainAll(drift.stale());
        entries.putAll(drift.expected().sha256ByPath());
        return new Manifest(entries).file();
    }

    /** Writes {@code file} through the staging (whole, with its mode) unless the directory already holds it. */
    private static boolean writeIfDifferent(Path directory, Staging staging, GeneratedFile file) throws IOException {
        Path target = directory.resolve(file.path());
        if (Files.isRegularFile(target) && file.hasContent(Files.readAllBytes(target))) {
            return false;
        }
        staging.put(file.path(), file.content(), file.executable());
        staging.moveIntoPlace(file.path());
        return true;
    }

    /** Deletes one stale file, then the directories it leaves empty, up to (not including) the output directory. */
    private static void delete(Path directory, String path) throws IOException {
        Path file = directory.resolve(path);
        try {
            Files.deleteIfExists(file);
        } catch (IOException failure) {
            throw new IOException("cannot delete " + file + ": " + failure.getMessage(), failure);
        }
        for (Path parent = file.getParent(); parent != null && !parent.equals(directory); parent = parent.getParent()) {
            try {
                Files.deleteIfExists(parent);
            } catch (DirectoryNotEmptyException stillUsed) {
                return;
            }
        }
    }
}

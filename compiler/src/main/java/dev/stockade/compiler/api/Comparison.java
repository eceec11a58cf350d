package dev.stockade.compiler.api;

import dev.stockade.compiler.target.Artifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Compares each artifact with the output directory as the compile makes it, and keeps only what
 * the {@link Drift} needs: paths, digests, and for {@code check} the start of the diff, for
 * {@code generate} the differing files, staged on disk. So neither goal holds a fleet's output in
 * memory. Thread-safe: the streamed compile calls it from its worker threads, in no fixed order;
 * the drift it gives is sorted, the same whatever that order was.
 */
public final class Comparison implements Consumer<Artifact> {

    private final Path directory;
    private final Staging staging;
    private final DiffCollector diffs;
    private final Map<String, String> sha256ByPath = new ConcurrentHashMap<>();
    /** For {@code generate}: each artifact's content sum and mode, for {@link #stateOnceApplied}. */
    private final Map<String, OutputState.Known> known = new ConcurrentHashMap<>();
    private final Queue<String> missing = new ConcurrentLinkedQueue<>();
    private final Queue<Drift.Change> changed = new ConcurrentLinkedQueue<>();
    private final Queue<String> unchanged = new ConcurrentLinkedQueue<>();

    private Comparison(Path directory, Staging staging, DiffCollector diffs) {
        this.directory = directory;
        this.staging = staging;
        this.diffs = diffs;
    }

    /** For {@code check}: nothing is written, the diff's start is kept. */
    public static Comparison checking(Path directory) {
        return new Comparison(directory, null, new DiffCollector(DriftCheck.DIFF_LINE_LIMIT));
    }

    /** For {@code generate}: each file that differs is staged, ready for {@link ArtifactWriter#apply}. */
    public static Comparison staging(Staging staging) {
        return new Comparison(staging.directory(), staging, null);
    }

    /**
     * Compares one artifact with its file.
     *
     * @throws UncheckedIOException naming the file that could not be read or staged
     * @throws IllegalStateException when an earlier artifact had the same path
     */
    @Override
    public void accept(Artifact artifact) {
        try {
            compare(artifact.path(), artifact.bytes(), artifact.executable());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void compare(String path, byte[] bytes, boolean executable) throws IOException {
        // INVARIANT: targets name their files after the target and the (unique) server.
        if (sha256ByPath.putIfAbsent(path, GeneratedFile.sha256(bytes)) != null) {
            throw new IllegalStateException("two artifacts share the path " + path);
        }
        if (staging != null) {
            known.put(path, new OutputState.Known(Checksum.contentSum(bytes), executable));
        }
        OnDisk onDisk = file(path, bytes, executable);
        if (onDisk.differs()) {
            stage(path, bytes, executable);
        }
        if (onDisk.contentDiffers()) {
            offerDiff(path, onDisk.actual(), bytes);
        }
    }

    /**
     * How the file on disk stands against {@code bytes} and {@code executable}.
     *
     * @param differs true when it is missing or differs in content or mode
     * @param contentDiffers true when it is missing or differs in content
     * @param actual its bytes; null when it is missing
     */
    private record OnDisk(boolean differs, boolean contentDiffers, byte[] actual) {
    }

    /** Reads the file at {@code path} and lists it as missing, changed or unchanged. */
    private OnDisk file(String path, byte[] bytes, boolean executable) throws IOException {
        Path onDisk = directory.resolve(path);
        byte[] actual = Drift.readIfPresent(onDisk);
        if (actual == null) {
            missing.add(path);
            return new OnDisk(true, true, null);
        }
        boolean actualExecutable = Drift.isExecutable(onDisk, executable);
        boolean sameContent = Arrays.equals(bytes, actual);
        if (sameContent && actualExecutable == executable) {
            unchanged.add(path);
            return new OnDisk(false, false, actual);
        }
        changed.add(new Drift.Change(path, !sameContent, actualExecutable, executable));
        return new OnDisk(true, !sameContent, actual);
    }

    private void stage(String path, byte[] bytes, boolean executable) throws IOException {
        if (staging != null) {
            staging.put(path, bytes, executable);
        }
    }

    /** Offers the file's diff to the preview; {@code actual} is null when there is no file. */
    private void offerDiff(String path, byte[] actual, byte[] bytes) {
        if (diffs != null) {
            diffs.offer(path, actual == null, () -> UnifiedDiff.hunks(
                    actual == null ? "" : new String(actual, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.UTF_8)));
        }
    }

    /**
     * The drift, once every artifact has been compared: the manifest the artifacts make is compared
     * too (it is written last, by {@link ArtifactWriter}), and the previous manifest says what is stale.
     *
     * @throws IOException when the manifest cannot be read or is corrupt, naming it
     */
    public Drift finish() throws IOException {
        Manifest expected = new Manifest(new TreeMap<>(sha256ByPath));
        file(Manifest.FILE_NAME, expected.file().content(), false);
        List<String> stale = new ArrayList<>();
        for (String path : Manifest.read(directory).sha256ByPath().keySet()) {
            if (!sha256ByPath.containsKey(path) && Files.exists(directory.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                stale.add(path);
            }
        }
        List<Drift.Change> changedFiles = new ArrayList<>(changed);
        changedFiles.sort(Comparator.comparing(Drift.Change::path));
        return new Drift(directory, expected, sorted(missing), changedFiles, stale, sorted(unchanged),
                diffs == null ? DiffPreview.NONE : diffs.preview());
    }

    /**
     * The {@link OutputState} of the directory once {@link ArtifactWriter#apply} has brought it to
     * {@code drift} (which {@link #finish} gave): every listed file then holds the bytes and the
     * mode compared here, so the state is made of those instead of reading the files back. If a
     * file was changed meanwhile, the next run reads another state and runs in full: a stale skip
     * cannot come of it.
     */
    public Optional<String> stateOnceApplied(Drift drift) {
        if (staging == null) {
            throw new IllegalStateException("only a comparison for generate knows what it wrote");
        }
        return OutputState.of(directory, drift.expected().file().content(), known);
    }

    private static List<String> sorted(Collection<String> paths) {
        List<String> list = new ArrayList<>(paths);
        list.sort(null);
        return list;
    }
}

package dev.stockade.compiler.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Builds a {@link DiffPreview} while the compile runs. Files arrive from the worker threads in no
 * fixed order, yet the preview is the same as if they had come in path order: a file is diffed
 * only if the files before it do not already fill the limit, and one that a later, earlier-sorting
 * file pushes past the limit is dropped. So however many files differ, it diffs few of them and
 * keeps at most the limit's worth of lines plus one file's.
 */
final class DiffCollector {

    private final int limit;
    private final TreeMap<String, List<String>> changed = new TreeMap<>();
    private final TreeMap<String, List<String>> missing = new TreeMap<>();
    private boolean cut;

    DiffCollector(int limit) {
        this.limit = limit;
    }

    /**
     * Offers one file's diff, computed by {@code hunks} only when it can still be shown.
     *
     * @param isMissing true when the file is not on disk (its diff comes after every changed file's)
     */
    void offer(String path, boolean isMissing, Supplier<List<String>> hunks) {
        if (!wanted(path, isMissing)) {
            return;
        }
        List<String> lines = hunks.get();
        if (lines.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (lines.size() > limit) {
                lines = List.copyOf(lines.subList(0, limit));
                cut = true;
            }
            (isMissing ? missing : changed).put(path, lines);
            trim();
        }
    }

    synchronized DiffPreview preview() {
        List<DiffPreview.FileDiff> files = new ArrayList<>();
        changed.forEach((path, hunks) -> files.add(new DiffPreview.FileDiff(path, false, hunks)));
        missing.forEach((path, hunks) -> files.add(new DiffPreview.FileDiff(path, true, hunks)));
        return new DiffPreview(files, cut || total(changed) + total(missing) > limit);
    }

    /** False when the files that come before this one already fill the limit. */
    private synchronized boolean wanted(String path, boolean isMissing) {
        int before = isMissing ? total(changed) : 0;
        for (List<String> hunks : (isMissing ? missing : changed).headMap(path).values()) {
            before += weight(hunks);
        }
        if (before >= limit) {
            cut = true;
            return false;
        }
        return true;
    }

    /** Drops every file that the files before it push past the limit: it could never be shown. */
    private void trim() {
        int before = drop(changed, 0);
        drop(missing, before);
    }

    /** Drops the entries past the limit, counting from {@code before}; the lines before the next group. */
    private int drop(TreeMap<String, List<String>> files, int before) {
        int lines = before;
        for (Iterator<Map.Entry<String, List<String>>> it = files.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<String>> file = it.next();
            if (lines >= limit) {
                it.remove();
                cut = true;
            } else {
                lines += weight(file.getValue());
            }
        }
        return lines;
    }

    private static int total(TreeMap<String, List<String>> files) {
        return files.values().stream().mapToInt(DiffCollector::weight).sum();
    }

    /** A file's lines in the report: two headers and its hunks. */
    private static int weight(List<String> hunks) {
        return hunks.size() + 2;
    }
}

package dev.stockade.compiler.api;

import java.util.List;

/**
 * The start of a check's diff: the files whose diffs are shown, changed files first, then missing
 * ones, each group in path order, as far as {@link DriftCheck#DIFF_LINE_LIMIT} lines reach.
 *
 * @param files the files shown, in that order; a file's hunks may be cut short
 * @param cut true when some diff lines are not shown (a file cut short, or files left out)
 */
public record DiffPreview(List<FileDiff> files, boolean cut) {

    /** No diff: what {@code generate} compares with, since it writes instead of showing. */
    public static final DiffPreview NONE = new DiffPreview(List.of(), false);

    public DiffPreview {
        files = List.copyOf(files);
    }

    /**
     * One file's diff without its two header lines, which name the output directory as the reader
     * sees it.
     *
     * @param path the path relative to the output directory
     * @param missing true when the file is not on disk at all (the diff is against nothing)
     * @param hunks the unified diff's hunks, each {@code @@} line followed by its lines
     */
    public record FileDiff(String path, boolean missing, List<String> hunks) {

        public FileDiff {
            hunks = List.copyOf(hunks);
        }
    }
}

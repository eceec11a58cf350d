package dev.stockade.compiler.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains a {@link Drift} to a person: which files are missing, changed or stale, a unified diff
 * cut at a readable length, and the command that fixes it.
 */
public final class DriftCheck {

    /** The diff lines shown at most, over all files: enough to see what happened, short enough to read in a CI log. */
    public static final int DIFF_LINE_LIMIT = 80;

    private DriftCheck() {
    }

    /**
     * The report for an out-of-date directory, or empty when it is up to date.
     *
     * @param directoryName how the output directory is named to the reader (relative to the project)
     * @param fixCommand the command that regenerates it, e.g. {@code mvn stockade:generate}
     */
    public static Optional<String> report(Drift drift, String directoryName, String fixCommand) {
        if (drift.upToDate()) {
            return Optional.empty();
        }
        String prefix = directoryName.endsWith("/") ? directoryName : directoryName + "/";
        List<String> lines = new ArrayList<>();
        lines.add(directoryName + " does not match the policies: " + counts(drift));
        drift.missing().forEach(path -> lines.add("  missing  " + prefix + path));
        for (Drift.Change change : drift.changed()) {
            String what = change.contentDiffers() ? "" : " (executable bit: "
                    + (change.actualExecutable() ? "set" : "not set") + ", should be "
                    + (change.expectedExecutable() ? "set" : "not set") + ")";
            lines.add("  changed  " + prefix + change.path() + what);
        }
        drift.stale().forEach(path -> lines.add("  stale    " + prefix + path + " (no longer generated)"));
        lines.addAll(cappedDiff(drift, prefix));
        lines.add("Run `" + fixCommand + "` to regenerate " + directoryName
                + ", review the changes and commit them; edit the .stockade policies, never the generated files.");
        return Optional.of(String.join("\n", lines));
    }

    private static String counts(Drift drift) {
        List<String> parts = new ArrayList<>();
        count(parts, drift.missing().size(), "missing");
        count(parts, drift.changed().size(), "changed");
        count(parts, drift.stale().size(), "stale");
        return String.join(", ", parts);
    }

    private static void count(List<String> parts, int count, String word) {
        if (count > 0) {
            parts.add(count + " " + word);
        }
    }

    /**
     * The diffs of changed then missing files, cut at {@link #DIFF_LINE_LIMIT} lines; the
     * manifest's is never among them, its hashes say nothing a reader can use.
     */
    private static List<String> cappedDiff(Drift drift, String prefix) {
        List<String> diff = new ArrayList<>();
        for (DiffPreview.FileDiff file : drift.diff().files()) {
            diff.add("--- " + (file.missing() ? "/dev/null" : prefix + file.path() + " (on disk)"));
            diff.add("+++ " + prefix + file.path() + " (generated)");
            diff.addAll(file.hunks());
        }
        if (diff.size() <= DIFF_LINE_LIMIT && !drift.diff().cut()) {
            return diff;
        }
        List<String> capped = new ArrayList<>(diff.subList(0, Math.min(diff.size(), DIFF_LINE_LIMIT)));
        long differing = drift.changed().stream().filter(change -> change.contentDiffers() && !isManifest(change.path()))
                .count() + drift.missing().stream().filter(path -> !isManifest(path)).count();
        capped.add("... more diff lines not shown (" + differing + (differing == 1 ? " file differs" : " files differ")
                + "; regenerate and use `git diff` to see them all)");
        return capped;
    }

    private static boolean isManifest(String path) {
        return path.equals(Manifest.FILE_NAME);
    }
}

package dev.stockade.compiler.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What a run depended on, as one {@link Checksum}: the policies (paths and bytes), the plugin
 * version and the configuration ({@code generate} adds its {@link OutputState}). A goal records it
 * after a successful run and skips the next run when it has not changed, which keeps a build that
 * touches no policy quiet and fast.
 *
 * <p>The record is two lines, the fingerprint and the summary of the run it stands for, so a
 * skipped run can still say what the last one found.
 */
public final class Fingerprint {

    // 3: policies as bytes, not decoded text; the output state covers execute bits. 4: the policies
    // enter as their own checksum, so a goal need not hold their bytes through the run. 5: the
    // output state takes each file's content sum, not its bytes. A record written by an earlier
    // format never matches, so a snapshot build of the plugin re-runs once.
    private static final String FORMAT = "stockade-fingerprint 5";

    private Fingerprint() {
    }

    /**
     * The fingerprint of a run: the policies as {@link PolicySources#read} gives them (display path
     * and bytes, undecoded) and the settings, in key order; each string is length-prefixed, so no
     * two different inputs can be spelled the same way.
     */
    public static String of(SortedMap<String, byte[]> policies, SortedMap<String, String> settings) {
        return of(policies(policies), settings);
    }

    /**
     * {@link #of(SortedMap, SortedMap)} from the policies' own checksum ({@link #policies}), for a
     * goal that lets the policies' bytes go once they are decoded: a fleet's files are tens of
     * megabytes, and the fingerprint after the run needs only this.
     */
    public static String of(String policies, SortedMap<String, String> settings) {
        Checksum sum = new Checksum();
        sum.put(FORMAT);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            sum.put(setting.getKey());
            sum.put(setting.getValue());
        }
        sum.put(policies);
        return sum.hex();
    }

    /** The policies' part of a fingerprint: every display path and its bytes, in path order. */
    public static String policies(SortedMap<String, byte[]> policies) {
        Checksum sum = new Checksum();
        for (Map.Entry<String, byte[]> policy : policies.entrySet()) {
            sum.put(policy.getKey());
            sum.put(policy.getValue());
        }
        return sum.hex();
    }

    /**
     * The summary recorded with {@code fingerprint} in {@code file}, or empty when the file is
     * absent, unreadable or holds another fingerprint (then the run is not up to date).
     */
    public static Optional<String> recorded(Path file, String fingerprint) {
        try {
            String text = new String(WholeFile.read(file), StandardCharsets.UTF_8);
            int first = text.indexOf('\n');
            int second = text.indexOf('\n', first + 1);
            if (first >= 0 && second == text.length() - 1 && text.substring(0, first).equals(fingerprint)) {
                return Optional.of(text.substring(first + 1, second));
            }
        } catch (IOException | RuntimeException unreadable) {
            // Not up to date, then: the run redoes the work and writes a fresh record.
        }
        return Optional.empty();
    }

    /** Records a successful run. */
    public static void record(Path file, String fingerprint, String summary) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, fingerprint + "\n" + summary.replace('\n', ' ') + "\n", StandardCharsets.UTF_8);
    }

    /** Forgets the last run, before a new one starts: a run that fails must not leave an old success behind. */
    public static void forget(Path file) throws IOException {
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException absent) {
            // Already gone.
        }
    }
}

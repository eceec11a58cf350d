package dev.stockade.compiler.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What a run depended on, as one checksum: the policies (paths and text), the plugin version and
 * the configuration. A goal records it after a successful run and skips the next run when it has
 * not changed, which keeps a build that touches no policy quiet and fast.
 *
 * <p>The record is two lines, the fingerprint and the summary of the run it stands for, so a
 * skipped run can still say what the last one found.
 *
 * <p>The checksum is CRC-32 and CRC-32C of the length-prefixed inputs, and their total length
 * (80 bits): it only has to notice an accidental change, and it runs on every build in a fresh
 * plugin class loader, where the first SHA-256 costs about 35 ms of provider set-up alone and
 * hashing is still interpreted (the up-to-date path of the bundled examples took 130 to 250 ms
 * with SHA-256; docs/performance.md). A stale skip cannot hide anything from CI: {@code check}
 * compiles and compares every byte.
 */
public final class Fingerprint {

    private static final String FORMAT = "stockade-fingerprint 2";

    private static final byte[] COLON = {':'};
    private static final byte[] EXECUTABLE = {'x'};
    private static final byte[] NOT_EXECUTABLE = {'-'};

    private Fingerprint() {
    }

    /**
     * The fingerprint of a run: the policies as {@link PolicySources#read} gives them (display path
     * and bytes, undecoded) and the settings, in key order; each string is length-prefixed, so no
     * two different inputs can be spelled the same way.
     */
    public static String of(SortedMap<String, byte[]> policies, SortedMap<String, String> settings) {
        Sum sum = new Sum();
        sum.put(FORMAT);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            sum.put(setting.getKey());
            sum.put(setting.getValue());
        }
        for (Map.Entry<String, byte[]> policy : policies.entrySet()) {
            sum.put(policy.getKey());
            sum.put(policy.getValue());
        }
        return sum.hex();
    }

    /** CRC-32, CRC-32C and the length of length-prefixed byte strings. */
    private static final class Sum {
        private final CRC32 crc = new CRC32();
        private final CRC32C crcC = new CRC32C();
        private long length;

        void put(String text) {
            put(text.getBytes(StandardCharsets.UTF_8));
        }

        void put(byte[] bytes) {
            byte[] prefix = Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII);
            update(prefix);
            update(COLON);
            update(bytes);
        }

        private void update(byte[] part) {
            crc.update(part);
            crcC.update(part);
            length += part.length;
        }

        /** {@code %08x%08x-%x}, without Formatter: the 1 bit above each CRC keeps its leading zeros. */
        String hex() {
            StringBuilder hex = new StringBuilder(32);
            hex.append(Long.toHexString(crc.getValue() | 1L << 32), 1, 9);
            hex.append(Long.toHexString(crcC.getValue() | 1L << 32), 1, 9);
            return hex.append('-').append(Long.toHexString(length)).toString();
        }
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

    /**
     * The state of an output directory as a fingerprint setting: a checksum of the manifest and of
     * every file it lists (path, content and owner-execute bit, the two things {@link Drift}
     * compares), or {@code "modified"} when one of them is missing or unreadable.
     *
     * <p>Why this is enough for {@code generate} to skip: a run records its fingerprint only after
     * it brought the whole directory to exactly what the policies compile to, so at that moment
     * every listed file matched and no listed file was stale. Afterwards, an edited, re-moded or
     * deleted generated file changes this state; so does any edit of the manifest, which is the
     * only way a stale file (one the manifest lists that is no longer generated) can appear while
     * the policies, plugin version and configuration stay the same. Files the manifest does not
     * list are never Stockade's to write or delete, and {@link Drift} ignores them too.
     */
    public static String outputState(Path outputDirectory) {
        try {
            Manifest manifest = Manifest.read(outputDirectory);
            Sum sum = new Sum();
            Path manifestFile = outputDirectory.resolve(Manifest.FILE_NAME);
            sum.put(Files.isRegularFile(manifestFile) ? WholeFile.read(manifestFile) : new byte[0]);
            for (String path : manifest.sha256ByPath().keySet()) {
                Path file = outputDirectory.resolve(path);
                sum.put(path);
                sum.put(WholeFile.read(file));
                sum.put(Drift.isExecutable(file, false) ? EXECUTABLE : NOT_EXECUTABLE);
            }
            return sum.hex();
        } catch (IOException unreadable) {
            return "modified";
        }
    }
}

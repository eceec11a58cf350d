package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    private static SortedMap<String, String> settings(String failOn) {
        return new TreeMap<>(java.util.Map.of("failOn", failOn, "version", "1"));
    }

    private static SortedMap<String, byte[]> policy(String path, String text) {
        return new TreeMap<>(java.util.Map.of(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void changesWithThePoliciesAndTheSettingsOnly() {
        String base = Fingerprint.of(policy("a.stockade", "stockade 1\n"), settings("error"));

        assertThat(Fingerprint.of(policy("a.stockade", "stockade 1\n"), settings("error"))).isEqualTo(base);
        assertThat(Fingerprint.of(policy("a.stockade", "stockade 1\n\n"), settings("error"))).isNotEqualTo(base);
        assertThat(Fingerprint.of(policy("b.stockade", "stockade 1\n"), settings("error"))).isNotEqualTo(base);
        assertThat(Fingerprint.of(policy("a.stockade", "stockade 1\n"), settings("warning"))).isNotEqualTo(base);
        assertThat(base).as("the format kept from String.format(\"%08x%08x-%x\", ...)").matches("[0-9a-f]{16}-[0-9a-f]+");
    }

    @Test
    void thePoliciesChecksumStandsForTheirBytes() {
        SortedMap<String, byte[]> two = new TreeMap<>(policy("a.stockade", "stockade 1\n"));
        two.putAll(policy("b.stockade", "stockade 1\n"));
        String checksum = Fingerprint.policies(two);

        assertThat(Fingerprint.of(checksum, settings("error"))).isEqualTo(Fingerprint.of(two, settings("error")));
        assertThat(Fingerprint.policies(policy("a.stockade", "stockade 1\n"))).isNotEqualTo(checksum);
        // one file's end moved into the next one's path: length prefixes keep them apart
        assertThat(Fingerprint.policies(new TreeMap<>(java.util.Map.of("a.stockade", "xb".getBytes(StandardCharsets.UTF_8),
                "c", new byte[0])))).isNotEqualTo(Fingerprint.policies(new TreeMap<>(java.util.Map.of(
                "a.stockade", "x".getBytes(StandardCharsets.UTF_8), "bc", new byte[0]))));
    }

    @Test
    void aRecordMatchesOnlyItsOwnFingerprintAndCanBeForgotten() throws IOException {
        Path file = dir.resolve("target/stockade/validate.fingerprint");
        Fingerprint.record(file, "abc", "1 warning");

        assertThat(Fingerprint.recorded(file, "abc")).contains("1 warning");
        assertThat(Fingerprint.recorded(file, "abd")).isEmpty();
        Fingerprint.forget(file);
        assertThat(Fingerprint.recorded(file, "abc")).isEmpty();
    }
}

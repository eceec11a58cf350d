package dev.stockade.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.compiler.api.Fingerprint;
import dev.stockade.dsl.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The policies' bytes are decoded once and let go; their checksum stays for the fingerprint. */
class ReadPoliciesTest {

    @Test
    void decodesOnceAndKeepsTheChecksumAfter() {
        SortedMap<String, byte[]> bytes = new TreeMap<>();
        bytes.put("a.stockade", "stockade 1\n".getBytes(StandardCharsets.UTF_8));
        bytes.put("b/c.stockade", "server s {\n}\n".getBytes(StandardCharsets.UTF_8));
        ReadPolicies policies = new ReadPolicies(bytes);

        List<SourceFile> sources = policies.decode();

        assertThat(sources).extracting(SourceFile::path).containsExactly("a.stockade", "b/c.stockade");
        assertThat(sources.get(1).text()).isEqualTo("server s {\n}\n");
        assertThat(policies.count()).isEqualTo(2);
        assertThat(policies.checksum()).isEqualTo(Fingerprint.policies(bytes));
        assertThatThrownBy(policies::decode).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noPoliciesIsEmpty() {
        assertThat(new ReadPolicies(new TreeMap<>()).isEmpty()).isTrue();
    }
}

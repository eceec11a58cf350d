package dev.stockade.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packed findings read back exactly as reported, in order, whatever their text. */
class FindingsTest {

    private static final List<ServerContext> SERVERS = PolicyParser.parse(new FleetGenerator(3).files(2, 2)).policies()
            .servers().stream().map(ServerContext::new).toList();

    @Test
    void packedFindingsReadBackEqualWithAnyText() {
        List<Findings.Owned> written = new ArrayList<>();
        String[] texts = {"", "plain ascii", "caf\u00e9 \u00ff", "\u6f22\u5b57 and \ud83d\udd12", "lone \ud800 surrogate",
                "line\nbreak \"quoted\" \u0000 nul", "x".repeat(70_000)};
        int line = 1;
        for (String text : texts) {
            for (String other : texts) {
                Span span = new Span("dir/" + other.substring(0, Math.min(other.length(), 8)) + ".stockade", line, 2, line + 3, 1);
                Diagnostic diagnostic = new Diagnostic("rule-" + text.length(), Severity.values()[line % 3], span, text, other);
                written.add(new Findings.Owned(other.isEmpty() ? "server" : other, line % 4 == 0 ? diagnostic.accepted(other) : diagnostic));
                line += 200_000;
            }
        }

        List<Findings.Owned> read = new ArrayList<>();
        PackedFindings.unpack(PackedFindings.pack(written), read);

        assertThat(read).containsExactlyElementsOf(written);
        for (int i = 0; i < written.size(); i++) {
            Diagnostic was = written.get(i).diagnostic();
            Diagnostic is = read.get(i).diagnostic();
            assertThat(is.span()).as("span %d", i).usingRecursiveComparison().isEqualTo(was.span());
            assertThat(is.acceptedBecause()).isEqualTo(was.acceptedBecause());
            assertThat(read.get(i).server()).isEqualTo(written.get(i).server());
        }
        PackedFindings.unpack(PackedFindings.pack(List.of()), read);
        assertThat(read).hasSameSizeAs(written);
    }

    @Test
    void reportsPacksAndMergesKeepTheirOrder() {
        Findings chunk = new Findings();
        List<String> chunkExpected = new ArrayList<>();
        int n = 0;
        while (n < Findings.PACK_AT + 10) {
            chunkExpected.add(report(chunk, n++));
        }
        assertThat(chunk.packedCount()).as("packed by itself at %d", Findings.PACK_AT).isEqualTo(Findings.PACK_AT);
        chunk.pack();
        assertThat(chunk.packedCount()).isEqualTo(n);
        chunkExpected.add(report(chunk, n++));

        Findings merged = new Findings();
        List<String> mergedExpected = new ArrayList<>();
        mergedExpected.add(report(merged, n++));
        merged.addAll(chunk);
        mergedExpected.addAll(chunkExpected);
        mergedExpected.add(report(merged, n++));
        merged.addAll(chunk);
        mergedExpected.addAll(chunkExpected);

        assertThat(messages(chunk)).containsExactlyElementsOf(chunkExpected);
        assertThat(messages(merged)).containsExactlyElementsOf(mergedExpected);
        merged.pack();
        assertThat(merged.packedCount()).isEqualTo(mergedExpected.size());
        assertThat(messages(merged)).containsExactlyElementsOf(mergedExpected);

        mergedExpected.add(report(merged, n));
        merged.addAll(merged);
        mergedExpected.addAll(List.copyOf(mergedExpected));
        assertThat(messages(merged)).as("added to itself").containsExactlyElementsOf(mergedExpected);
    }

    /** Reports finding {@code n}; its message. */
    private static String report(Findings findings, int n) {
        String message = "finding " + n;
        findings.report(RuleCatalog.TARGET_APPROXIMATION, SERVERS.get(n % 2), Span.of("f.stockade", 1 + n, 1, 2), message, "hint");
        return message;
    }

    private static List<String> messages(Findings findings) {
        return findings.all().stream().map(owned -> owned.diagnostic().message()).toList();
    }
}

package dev.stockade.compiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What keeps the text report trustworthy: order, counts and no raw control characters. */
class TextReportLayoutTest {

    private static final Map<String, SourceFile> SOURCES = Map.of(
            "a.stockade", SourceFile.of("a.stockade", "one\ntwo\nthree\n"),
            "b.stockade", SourceFile.of("b.stockade", "four\n"));

    private static List<Diagnostic> mixed() {
        return List.of(
                Diagnostic.warning("fs-redundant", Span.of("b.stockade", 1, 1, 5), "b first", "fix b"),
                Diagnostic.error("fs-write-exec", Span.of("a.stockade", 3, 1, 6), "a third", "fix a3"),
                Diagnostic.info("limits-missing", Span.of("a.stockade", 1, 1, 4), "a first", "fix a1"),
                Diagnostic.error("fs-conflict", Span.of("a.stockade", 2, 1, 4), "a second", "fix a2")
                        .accepted("reviewed"),
                Diagnostic.error("fs-broad-grant", Span.of("a.stockade", 1, 1, 4), "a first too", "fix a1b"));
    }

    @Test
    void sortsByFileLineColumnAndRuleWhateverTheInputOrder() {
        String expected = TextReport.render(mixed(), SOURCES);
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<Diagnostic> shuffled = new ArrayList<>(mixed());
            Collections.shuffle(shuffled, random);
            assertThat(TextReport.render(shuffled, SOURCES)).isEqualTo(expected);
        }
        List<String> headers = expected.lines().filter(line -> line.contains(".stockade:")).toList();
        assertThat(headers).containsExactly(
                "a.stockade:1:1: error[fs-broad-grant]: a first too",
                "a.stockade:1:1: info[limits-missing]: a first",
                "a.stockade:2:1: error[fs-conflict] (accepted): a second",
                "a.stockade:3:1: error[fs-write-exec]: a third",
                "b.stockade:1:1: warning[fs-redundant]: b first");
    }

    @Test
    void separatesFindingsByABlankLineAndEndsWithTheSummary() {
        String report = TextReport.render(mixed(), SOURCES);

        assertThat(report).contains("  = hint: fix a1b\n\na.stockade:1:1: info[limits-missing]");
        assertThat(report).endsWith("  = hint: fix b\n\n2 errors, 1 warning, 1 info, 1 accepted\n");
    }

    @Test
    void replacesControlCharactersInSourceMessageHintAndReason() {
        String file = "x\u001b.stockade";
        String text = "path \"/a\u001b[31m\rb\u2028c\u202e\"\n";
        Diagnostic diagnostic = Diagnostic.error("path-syntax", Span.of(file, 1, 6, 17),
                "\"/a\u0007\" holds a\ncontrol character", "remove\u0000 it")
                .accepted("because\r\nreasons");

        String report = TextReport.render(List.of(diagnostic), Map.of(file, SourceFile.of(file, text)));

        assertThat(report).isEqualTo("""
                x\uFFFD.stockade:1:6: error[path-syntax] (accepted): "/a\uFFFD" holds a\uFFFDcontrol character
                  |
                1 | path "/a\uFFFD[31m\uFFFDb\uFFFDc\uFFFD"
                  |      ^^^^^^^^^^^
                  = hint: remove\uFFFD it
                  = accepted because: because\uFFFD\uFFFDreasons

                1 accepted
                """);
        assertThat(report.codePoints().filter(cp -> cp != '\n' && Printable.unsafe(cp))).isEmpty();
    }

    @Test
    void clampsASpanThatStartsBeyondTheEndOfItsLine() {
        Diagnostic diagnostic = Diagnostic.error("syntax", new Span("a.stockade", 1, 9, 2, 1), "unexpected end", "");

        String report = TextReport.render(List.of(diagnostic), SOURCES);

        assertThat(report).contains("1 | one\n  |    ^\n");
    }

    @Test
    void rendersTheSameBytesTwice() {
        assertThat(TextReport.render(mixed(), SOURCES)).isEqualTo(TextReport.render(mixed(), SOURCES));
    }
}

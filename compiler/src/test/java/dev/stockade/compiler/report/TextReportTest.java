package dev.stockade.compiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReportTest {

    private static final String FILE = "policies/fileserver.stockade";

    private static String render(String text, Diagnostic... diagnostics) {
        return TextReport.render(List.of(diagnostics), Map.of(FILE, SourceFile.of(FILE, text)));
    }

    private static Diagnostic error(Span span) {
        return Diagnostic.error("fs-write-exec", span, "\"/opt/tools\" is both writable and executable",
                "split build output from programs");
    }

    @Test
    void rendersTheExampleOfTheSpecExactly() {
        String text = "# filler\n".repeat(13) + "    write \"/opt/tools\"\n";
        Diagnostic diagnostic = Diagnostic.error("fs-write-exec", Span.of(FILE, 14, 11, 23),
                "\"/opt/tools\" is both writable and executable",
                "split build output from programs; write to \"/opt/tools/out\" and execute \"/opt/tools/bin\"");

        assertThat(render(text, diagnostic)).isEqualTo("""
                policies/fileserver.stockade:14:11: error[fs-write-exec]: "/opt/tools" is both writable and executable
                   |
                14 |     write "/opt/tools"
                   |           ^^^^^^^^^^^^
                   = hint: split build output from programs; write to "/opt/tools/out" and execute "/opt/tools/bin"

                1 error
                """);
    }

    @Test
    void underlinesAMultiLineSpanToTheEndOfItsFirstLine() {
        String text = "server files {\n  filesystem {\n    read \"/srv\"\n  }\n}\n";
        Diagnostic diagnostic = Diagnostic.warning("fs-redundant", new Span(FILE, 2, 3, 4, 4),
                "the block grants nothing new", "remove it");

        assertThat(render(text, diagnostic)).isEqualTo("""
                policies/fileserver.stockade:2:3: warning[fs-redundant]: the block grants nothing new
                  |
                2 |   filesystem {
                  |   ^^^^^^^^^^^^
                  = hint: remove it

                1 warning
                """);
    }

    @Test
    void expandsTabsAlikeInTheSourceLineAndTheCaretLine() {
        String text = "\twrite\t\"/a\"\n";

        assertThat(render(text, error(Span.of(FILE, 1, 7, 11)))).isEqualTo("""
                policies/fileserver.stockade:1:7: error[fs-write-exec]: "/opt/tools" is both writable and executable
                  |
                1 |     write    "/a"
                  |          ^^^^^^^
                  = hint: split build output from programs

                1 error
                """);
    }

    @Test
    void widensTheGutterToTheLineNumber() {
        String text = "\n".repeat(1233) + "execute \"/opt\"\n";

        assertThat(render(text, error(Span.of(FILE, 1234, 9, 15)))).isEqualTo("""
                policies/fileserver.stockade:1234:9: error[fs-write-exec]: "/opt/tools" is both writable and executable
                     |
                1234 | execute "/opt"
                     |         ^^^^^^
                     = hint: split build output from programs

                1 error
                """);
    }

    @Test
    void countsColumnsInCodePointsWhenNonAsciiTextPrecedesTheSpan() {
        // "é" is one UTF-16 unit, the emoji two; both are one code point and one caret column.
        String text = "label \"é😀\" write \"/x\"\n";

        assertThat(render(text, error(Span.of(FILE, 1, 18, 22)))).isEqualTo("""
                policies/fileserver.stockade:1:18: error[fs-write-exec]: "/opt/tools" is both writable and executable
                  |
                1 | label "é😀" write "/x"
                  |                  ^^^^
                  = hint: split build output from programs

                1 error
                """);
    }

    @Test
    void showsOneCaretForAnEmptySpanAtTheEndOfALine() {
        String text = "stockade 1\nserver a {";

        assertThat(render(text, Diagnostic.error("syntax", Span.of(FILE, 2, 11, 11), "expected \"}\"", "close the block")))
                .isEqualTo("""
                        policies/fileserver.stockade:2:11: error[syntax]: expected "}"
                          |
                        2 | server a {
                          |           ^
                          = hint: close the block

                        1 error
                        """);
    }

    @Test
    void printsNoExcerptForAFileThatIsNotGiven() {
        String report = TextReport.render(List.of(error(Span.of("other.stockade", 3, 1, 5))), Map.of());

        assertThat(report).isEqualTo("""
                other.stockade:3:1: error[fs-write-exec]: "/opt/tools" is both writable and executable
                  = hint: split build output from programs

                1 error
                """);
    }

    @Test
    void printsNoExcerptForALineTheFileDoesNotHave() {
        assertThat(render("", Diagnostic.error("syntax", Span.of(FILE, 1, 1, 1), "expected \"stockade\"", "start with it")))
                .isEqualTo("""
                        policies/fileserver.stockade:1:1: error[syntax]: expected "stockade"
                          = hint: start with it

                        1 error
                        """);
        assertThat(render("one line\n", error(Span.of(FILE, 7, 1, 2))))
                .doesNotContain("|")
                .startsWith("policies/fileserver.stockade:7:1: error[fs-write-exec]");
    }

    @Test
    void marksAnAcceptedFindingAndGivesTheReason() {
        String text = "    read \"/srv/data\"\n";
        Diagnostic diagnostic = Diagnostic.warning("fs-redundant", Span.of(FILE, 1, 10, 21),
                "\"/srv/data\" is already readable", "remove the grant").accepted("kept for clarity");

        assertThat(render(text, diagnostic)).isEqualTo("""
                policies/fileserver.stockade:1:10: warning[fs-redundant] (accepted): "/srv/data" is already readable
                  |
                1 |     read "/srv/data"
                  |          ^^^^^^^^^^^
                  = hint: remove the grant
                  = accepted because: kept for clarity

                1 accepted
                """);
    }

    @Test
    void leavesOutAnEmptyHint() {
        String report = render("x\n", Diagnostic.info("limits-missing", Span.of(FILE, 1, 1, 2), "no limits block", ""));

        assertThat(report).doesNotContain("hint").endsWith("  |\n1 | x\n  | ^\n\n1 info\n");
    }

    @Test
    void saysSoWhenThereIsNothingToReport() {
        assertThat(TextReport.render(List.of(), Map.of())).isEqualTo("no findings\n");
    }
}

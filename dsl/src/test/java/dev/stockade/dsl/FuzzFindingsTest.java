package dev.stockade.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The smallest inputs behind what {@link ParserFuzzTest} found, kept so that each stays fixed. */
class FuzzFindingsTest {

    /** Durations in two units whose sum is no whole number of hours used to throw ArithmeticException. */
    @ParameterizedTest
    @CsvSource({"1h1m, 61m", "1m1m, 2m", "1h30m, 90m", "1m1s, 61s", "1s1ms, 1001ms", "1.5h, 90m"})
    void aDurationInSeveralUnitsSuggestsOneUnit(String written, String suggested) {
        List<Diagnostic> diagnostics = parse("server s {\n  command \"/c\"\n  limits { timeout " + written + " }\n}\n");

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("syntax");
            assertThat(d.hint()).endsWith("write " + suggested);
        });
    }

    /** A '{' where a string should be used to be taken for a block body, and the command built from no words. */
    @org.junit.jupiter.api.Test
    void aBraceAfterCommandIsASyntaxErrorNotACrash() {
        List<Diagnostic> diagnostics = parse("server s {\n  command {}\n}\n");

        assertThat(diagnostics).first().satisfies(d -> {
            assertThat(d.message()).isEqualTo("unexpected \"{\", expected a string");
            assertThat(d.span().line()).isEqualTo(2);
            assertThat(d.span().column()).isEqualTo(11);
        });
        assertThat(diagnostics).extracting(Diagnostic::rule).containsOnly("syntax");
    }

    /**
     * A missing name or address is one syntax error at the end of the line; it used to be followed
     * by a second diagnostic about an empty value ("user name is empty", "bad address \"\"",
     * "server \"\" has no command") spanning past the end of the line.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "server s {\\n  command \"/c\"\\n  user \\n}\\n|3:8|expected a name",
        "server s {\\n  command \"/c\"\\n  group\\n}\\n|3:8|expected a name",
        "server s {\\n  command \"/c\"\\n  network {\\n    dns \\n  }\\n}\\n|4:9|expected an address",
        "server s {\\n  command \"/c\"\\n  network {\\n    deny\\n  }\\n}\\n|4:9|expected an address",
        "server \\n{\\n  command \"/c\"\\n}\\n|1:8|expected a name",
        "server s {\\n  command \"/c\"\\n  kubernetes { namespace }\\n}\\n|3:26|expected a name",
        "server s {\\n  command \"/c\"\\n  accept\\n}\\n|3:9|expected a name",
    })
    void aMissingNameOrAddressIsOneSyntaxError(String text, String at, String expected) {
        List<Diagnostic> diagnostics = parse(text.replace("\\n", "\n"));

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("syntax");
            assertThat(d.span().line() + ":" + d.span().column()).isEqualTo(at);
            assertThat(d.message()).contains(expected);
        });
    }

    /** {@code labels} without its '{' threw NullPointerException. */
    @org.junit.jupiter.api.Test
    void labelsWithoutABraceIsASyntaxErrorNotACrash() {
        List<Diagnostic> diagnostics = parse("server s {\n  command \"/c\"\n  kubernetes {\n    labels team = \"t\" }\n  }\n}\n");

        assertThat(diagnostics).first().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("syntax");
            assertThat(d.span().line()).isEqualTo(4);
            assertThat(d.span().column()).isEqualTo(12);
        });
    }

    /** Blanks before a CRLF used to swallow its '\r', so the end of line was one column past the line. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"stockade \\r\\n|1:10", "stockade\\t \\r\\r\\n|1:12", "stockade\\r\\n|1:9"})
    void anEndOfLineErrorAfterTrailingBlanksPointsAtTheEndOfTheLine(String text, String at) {
        List<Diagnostic> diagnostics = parse(text.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t"));

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.message()).startsWith("unexpected end of line");
            assertThat(d.span().line() + ":" + d.span().column()).isEqualTo(at);
        });
    }

    private static List<Diagnostic> parse(String text) {
        SourceFile source = SourceFile.of("t.stockade", text);
        List<Diagnostic> diagnostics = PolicyParser.parse(source).diagnostics();
        assertThat(DiagnosticInvariants.violations(source, diagnostics)).isEmpty();
        return diagnostics;
    }
}

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

    private static List<Diagnostic> parse(String text) {
        SourceFile source = SourceFile.of("t.stockade", text);
        List<Diagnostic> diagnostics = PolicyParser.parse(source).diagnostics();
        assertThat(DiagnosticInvariants.violations(source, diagnostics)).isEmpty();
        return diagnostics;
    }
}

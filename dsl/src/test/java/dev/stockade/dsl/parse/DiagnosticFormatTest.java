package dev.stockade.dsl.parse;

import static dev.stockade.dsl.parse.Policies.parse;
import static dev.stockade.dsl.parse.Policies.show;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every diagnostic any error row produces reads like a compiler's: one line, lower case at the start
 * (unless it starts with quoted user input), no trailing period, a non-empty hint, a known rule id;
 * and the list is sorted by file, line, column and rule.
 */
class DiagnosticFormatTest {

    static Stream<ErrorPositionTest.Row> rows() {
        List<ErrorPositionTest.Row> rows = new ArrayList<>(ErrorPositionTest.all().toList());
        rows.add(ErrorPositionTest.row("five model-level errors", MultipleFilesAndErrorsTest.FIVE_CHECK_ERRORS));
        rows.add(ErrorPositionTest.row("five grammar-level errors", MultipleFilesAndErrorsTest.FIVE_SYNTAX_ERRORS));
        rows.add(ErrorPositionTest.row("everything wrong at once", "server S {\n  runtme x; user 1; user 2\n"
                + "  filesystem { read \"a\" \"b\" \"c\" }\n  description \"\\q\\u{0}\" @ \"x\n  network { allow udp ::1 port 0 }\n"));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void diagnosticsReadLikeACompilers(ErrorPositionTest.Row row) {
        ParseResult result = parse(row.text());
        List<Diagnostic> diagnostics = result.diagnostics();
        for (Diagnostic d : diagnostics) {
            String shown = show(d);
            assertThat(d.message()).as(shown).isNotBlank().doesNotContain("\n", "\r").doesNotEndWith(".");
            char first = d.message().charAt(0);
            assertThat(first == '"' || !Character.isUpperCase(first)).as("starts in lower case: %s", shown).isTrue();
            assertThat(d.hint()).as(shown).isNotBlank().doesNotContain("\n", "\r");
            assertThat(RuleCatalog.find(d.rule())).as(shown).isPresent();
            assertThat(d.severity()).as(shown).isEqualTo(RuleCatalog.get(d.rule()).severity());
        }
        Comparator<Diagnostic> byFileLineColumnRule = Comparator.comparing((Diagnostic d) -> d.span().file())
                .thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column())
                .thenComparing(Diagnostic::rule);
        assertThat(diagnostics).as(show(diagnostics)).isSortedAccordingTo(byFileLineColumnRule);
    }
}

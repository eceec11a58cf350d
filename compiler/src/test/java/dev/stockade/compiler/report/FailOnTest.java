package dev.stockade.compiler.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FailOnTest {

    private static final Span SPAN = Span.of("a.stockade", 1, 1, 2);

    private static Diagnostic finding(Severity severity) {
        return new Diagnostic("fs-redundant", severity, SPAN, "m", "h");
    }

    @ParameterizedTest
    @CsvSource({"error,ERROR", "WARNING,WARNING", " Info ,INFO", "never,NEVER"})
    void parsesLabelsIgnoringCaseAndBlanks(String value, FailOn expected) {
        assertThat(FailOn.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "errors", "fatal", "none"})
    void rejectsUnknownValuesNamingTheValidOnes(String value) {
        assertThatThrownBy(() -> FailOn.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown failOn value \"" + value + "\"; expected one of error, warning, info, never");
    }

    @Test
    void rejectsAMissingValue() {
        assertThatThrownBy(() -> FailOn.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one of error, warning, info, never");
    }

    @ParameterizedTest
    @CsvSource({
        "ERROR,ERROR,true", "ERROR,WARNING,false", "ERROR,INFO,false",
        "WARNING,ERROR,true", "WARNING,WARNING,true", "WARNING,INFO,false",
        "INFO,ERROR,true", "INFO,WARNING,true", "INFO,INFO,true",
        "NEVER,ERROR,false", "NEVER,WARNING,false", "NEVER,INFO,false"
    })
    void failsOnFindingsAtLeastAsSevereAsTheThreshold(FailOn failOn, Severity severity, boolean fails) {
        assertThat(failOn.fails(finding(severity))).isEqualTo(fails);
        assertThat(failOn.judge(List.of(finding(severity))).failed()).isEqualTo(fails);
    }

    @Test
    void neverFailsOnAnAcceptedFinding() {
        Diagnostic accepted = finding(Severity.ERROR).accepted("reviewed");

        for (FailOn failOn : FailOn.values()) {
            assertThat(failOn.fails(accepted)).as(failOn.label()).isFalse();
        }
    }

    @Test
    void judgesARunListingTheFailingFindingsInReportOrder() {
        Diagnostic late = Diagnostic.error("fs-write-exec", Span.of("b.stockade", 9, 1, 2), "late", "h");
        Diagnostic early = Diagnostic.warning("fs-redundant", Span.of("a.stockade", 2, 1, 2), "early", "h");
        Diagnostic info = Diagnostic.info("limits-missing", SPAN, "info", "h");
        Diagnostic waived = Diagnostic.error("fs-write-code", SPAN, "waived", "h").accepted("ok");

        Verdict verdict = FailOn.WARNING.judge(List.of(late, info, waived, early));

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.failing()).containsExactly(early, late);
        assertThat(verdict.summary()).isEqualTo(new Summary(1, 1, 1, 1));
        assertThat(verdict.text()).isEqualTo("2 findings at warning or above (failOn warning)");
    }

    @Test
    void wordsEveryOutcome() {
        assertThat(FailOn.ERROR.judge(List.of(finding(Severity.ERROR))).text())
                .isEqualTo("1 finding at error or above (failOn error)");
        assertThat(FailOn.ERROR.judge(List.of(finding(Severity.WARNING))).text())
                .isEqualTo("no finding at error or above (failOn error)");
        assertThat(FailOn.NEVER.judge(List.of(finding(Severity.ERROR))).text())
                .isEqualTo("findings never fail the build (failOn never)");
    }

    @Test
    void exposesItsThreshold() {
        assertThat(FailOn.INFO.threshold()).contains(Severity.INFO);
        assertThat(FailOn.NEVER.threshold()).isEmpty();
    }
}

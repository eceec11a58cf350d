package dev.stockade.compiler.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryTest {

    private static final Span SPAN = Span.of("a.stockade", 1, 1, 2);

    @Test
    void countsAcceptedFindingsOnlyAsAccepted() {
        Summary summary = Summary.of(List.of(
                Diagnostic.error("fs-write-exec", SPAN, "m", "h"),
                Diagnostic.error("fs-write-code", SPAN, "m", "h").accepted("ok"),
                Diagnostic.warning("fs-redundant", SPAN, "m", "h"),
                Diagnostic.warning("fs-redundant", SPAN, "m2", "h").accepted("ok"),
                Diagnostic.info("limits-missing", SPAN, "m", "h")));

        assertThat(summary).isEqualTo(new Summary(1, 1, 1, 2));
        assertThat(summary.total()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0|0|0|no findings",
        "1|0|0|0|1 error",
        "3|2|1|1|3 errors, 2 warnings, 1 info, 1 accepted",
        "0|1|0|0|1 warning",
        "0|0|2|0|2 infos",
        "0|0|0|2|2 accepted",
        "2|0|0|1|2 errors, 1 accepted",
        "0|5|1|0|5 warnings, 1 info"
    })
    void pluralizesAndLeavesOutZeroCounts(int errors, int warnings, int infos, int accepted, String text) {
        assertThat(new Summary(errors, warnings, infos, accepted).text()).isEqualTo(text);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> new Summary(0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

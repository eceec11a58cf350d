package dev.stockade.compiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReportFindingTest {

    @Test
    void oneFindingIsTheFullReportWithoutSeparatorAndSummary() {
        SourceFile source = SourceFile.of("p.stockade", "stockade 1\nserver s {\n  write \"/opt\"\n}\n");
        Diagnostic diagnostic = Diagnostic.error("fs-write-exec", Span.of("p.stockade", 3, 9, 15), "m", "h");
        Map<String, SourceFile> sources = Map.of("p.stockade", source);

        String finding = TextReport.renderFinding(diagnostic, sources);

        assertThat(TextReport.render(List.of(diagnostic), sources)).isEqualTo(finding + "\n\n1 error\n");
        assertThat(finding).startsWith("p.stockade:3:9: error[fs-write-exec]: m\n").contains("^^^^^^").doesNotEndWith("\n");
    }
}

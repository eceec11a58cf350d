package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.compiler.report.FailOn;
import dev.stockade.compiler.report.JsonReport;
import dev.stockade.compiler.report.SarifReport;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path project;

    @Test
    void writesJsonAndSarifIntoANewDirectory() throws IOException {
        ValidationResult result = Validation.run(
                List.of(SourceFile.of("a.stockade", "stockade 1\nserver s {\n")), FailOn.ERROR);
        Path reports = project.resolve("target/stockade");

        List<Path> written = ReportFiles.write(result, reports, project, "0.1.0-test");

        assertThat(written).containsExactly(reports.resolve("report.json"), reports.resolve("stockade.sarif"));
        assertThat(Files.readString(reports.resolve("report.json"))).contains("\"file\": \"a.stockade\"");
        assertThat(Files.readString(reports.resolve("stockade.sarif")))
                .contains("\"version\": \"2.1.0\"")
                .contains("0.1.0-test");
    }

    @Test
    void theReportsStreamedToTheirFilesAreTheReportsRenderedWhole() throws IOException {
        ValidationResult result = manyFindings();
        Path reports = project.resolve("target/stockade");

        ReportFiles.write(result, reports, project, "0.1.0-test");

        assertThat(result.diagnostics()).hasSizeGreaterThan(100);
        assertThat(Files.readString(reports.resolve("report.json"))).isEqualTo(JsonReport.render(result.diagnostics()));
        assertThat(Files.readString(reports.resolve("stockade.sarif")))
                .isEqualTo(SarifReport.render(result.diagnostics(), "0.1.0-test", project, Map.of()));
    }

    @Test
    void aReportThatCannotBeWrittenIsNamed() throws IOException {
        ValidationResult result = manyFindings();
        Path reports = project.resolve("target/stockade");
        Files.createDirectories(reports.resolve("stockade.sarif"));

        assertThatThrownBy(() -> ReportFiles.write(result, reports, project, "0.1.0-test"))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot write report").hasMessageContaining("stockade.sarif");
        assertThat(Files.readString(reports.resolve("report.json"))).isEqualTo(JsonReport.render(result.diagnostics()));
    }

    /** Forty servers with a few findings each, in two files. */
    private static ValidationResult manyFindings() {
        StringBuilder first = new StringBuilder("stockade 1\n");
        StringBuilder second = new StringBuilder("stockade 1\n");
        for (int i = 0; i < 40; i++) {
            (i % 2 == 0 ? first : second).append("server s").append(i).append(" {\n  command \"/usr/bin/node\"\n")
                    .append("  filesystem {\n    read \"/\"\n    write \"/tmp/s").append(i).append("\"\n  }\n")
                    .append("  network {\n    allow tcp 0.0.0.0/0 port 443\n  }\n}\n");
        }
        return Validation.run(List.of(SourceFile.of("a.stockade", first.toString()), SourceFile.of("b.stockade", second.toString())),
                FailOn.ERROR);
    }
}

package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.report.FailOn;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}

package dev.stockade.compiler.api;

import dev.stockade.compiler.report.JsonReport;
import dev.stockade.compiler.report.SarifReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the machine-readable reports of a validation: JSON for scripts, SARIF for code scanning. */
public final class ReportFiles {

    public static final String JSON = "report.json";
    public static final String SARIF = "stockade.sarif";

    private ReportFiles() {
    }

    /**
     * Writes {@value #JSON} and {@value #SARIF} into {@code reportDirectory}, creating it as needed.
     *
     * @param baseDirectory the project root, which SARIF locations are relative to
     * @param toolVersion the Stockade version recorded in the SARIF log
     * @return the files written, in a fixed order
     * @throws IOException naming the file that could not be written
     */
    public static List<Path> write(ValidationResult result, Path reportDirectory, Path baseDirectory,
            String toolVersion) throws IOException {
        Path json = reportDirectory.resolve(JSON);
        Path sarif = reportDirectory.resolve(SARIF);
        try {
            Files.createDirectories(reportDirectory);
        } catch (IOException failure) {
            throw new IOException("cannot create report directory " + reportDirectory + ": " + failure, failure);
        }
        write(json, out -> JsonReport.write(result.diagnostics(), out));
        write(sarif, out -> SarifReport.write(result.diagnostics(), toolVersion, baseDirectory, Map.of(), out));
        return List.of(json, sarif);
    }

    /** What writes one report, streamed: a report of many findings is never held whole. */
    private interface Report {
        void write(Writer out) throws IOException;
    }

    private static void write(Path file, Report report) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            report.write(out);
        } catch (IOException failure) {
            throw new IOException("cannot write report " + file + ": " + failure, failure);
        }
    }
}

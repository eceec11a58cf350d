package dev.stockade.compiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON and SARIF reports of real policies compiled for every target, byte for byte, as
 * {@code generate} writes them: the bundled examples together (the checks' findings, waivers and
 * every target's approximations) and the cases whose text tries to break out of a format. Golden
 * files under {@code src/test/resources/golden-reports/}, compared and rewritten as {@link Golden}
 * does ({@code -Dstockade.updateGolden=true}); each report is also rendered twice and streamed
 * once, and all three must agree.
 */
class ReportGoldenTest {

    private static final Path EXPECTED = Path.of("src/test/resources/golden-reports");
    private static final Path PROJECT = Path.of("/project");

    @Test
    void theExamplesReports() throws IOException {
        List<SourceFile> sources = new ArrayList<>();
        for (Path policy : Golden.inputs()) {
            if (policy.startsWith(Golden.EXAMPLES)) {
                sources.add(SourceFile.fromBytes("examples/" + policy.getFileName(), Files.readAllBytes(policy)));
            }
        }
        assertThat(sources).hasSizeGreaterThan(1);
        check("examples", sources);
    }

    @Test
    void theReportsOfHostileText() throws IOException {
        for (String name : List.of("hostile", "escaping", "yaml-hostile")) {
            Path policy = Golden.CASES.resolve(name + ".stockade");
            check(name, List.of(SourceFile.fromBytes("cases/" + name + ".stockade", Files.readAllBytes(policy))));
        }
    }

    private static void check(String name, List<SourceFile> sources) throws IOException {
        List<String> targets = TargetRegistry.all().stream().map(target -> target.name()).toList();
        List<Diagnostic> findings = Stockade.compile(sources, targets).diagnostics();
        assertThat(findings).as("findings of %s", name).isNotEmpty();
        String json = JsonReport.render(findings);
        String sarif = SarifReport.render(findings, "0.0.0-golden", PROJECT, Map.of());
        assertThat(JsonReport.render(findings)).as("rendered twice").isEqualTo(json);
        StringWriter streamed = new StringWriter();
        SarifReport.write(findings, "0.0.0-golden", PROJECT, Map.of(), streamed);
        assertThat(streamed.toString()).as("streamed").isEqualTo(sarif);
        Golden.compare(EXPECTED.resolve(name + ".report.json"), json);
        Golden.compare(EXPECTED.resolve(name + ".sarif"), sarif);
    }
}

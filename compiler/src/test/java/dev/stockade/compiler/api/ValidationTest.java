package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.report.FailOn;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static final String VALID = """
            stockade 1

            server mcp-notes {
              command "/usr/bin/node" "/opt/mcp-notes/index.js"
              runtime node
              limits { memory 256MiB }
              audit { log "/var/log/mcp/notes.log"; events file-access }
            }
            """;

    private static final String BROKEN = """
            stockade 1

            server mcp-broken {
              command
            }
            """;

    @Test
    void aValidPolicyHasNoFindingsAndPasses() {
        ValidationResult result = Validation.run(List.of(SourceFile.of("a.stockade", VALID)), FailOn.ERROR);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.verdict().failed()).isFalse();
        assertThat(result.summary().text()).isEqualTo("no findings");
        assertThat(result.servers()).isEqualTo(1);
    }

    @Test
    void parserErrorsAreReportedAndFailTheBuild() {
        ValidationResult result = Validation.run(List.of(SourceFile.of("b.stockade", BROKEN)), FailOn.ERROR);

        assertThat(result.diagnostics()).isNotEmpty()
                .allSatisfy(diagnostic -> assertThat(diagnostic.span().file()).isEqualTo("b.stockade"));
        assertThat(result.diagnostics()).anyMatch(diagnostic -> diagnostic.severity() == Severity.ERROR);
        assertThat(result.verdict().failed()).isTrue();
        assertThat(result.diagnostics()).containsAll(PolicyParser.parse(SourceFile.of("b.stockade", BROKEN)).diagnostics());
    }

    @Test
    void failOnNeverReportsButPasses() {
        ValidationResult result = Validation.run(List.of(SourceFile.of("b.stockade", BROKEN)), FailOn.NEVER);

        assertThat(result.diagnostics()).isNotEmpty();
        assertThat(result.verdict().failed()).isFalse();
    }

    @Test
    void findingsOfSeveralFilesComeInReportOrder() {
        ValidationResult result = Validation.run(List.of(
                SourceFile.of("z.stockade", BROKEN), SourceFile.of("a.stockade", BROKEN)), FailOn.ERROR);

        assertThat(result.diagnostics()).isSortedAccordingTo(Diagnostic.ORDER);
        assertThat(result.diagnostics().get(0).span().file()).isEqualTo("a.stockade");
        assertThat(result.sourcesByPath()).containsOnlyKeys("z.stockade", "a.stockade");
    }

    @Test
    void noSourcesIsNoFindings() {
        ValidationResult result = Validation.run(List.of(), FailOn.INFO);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.verdict().failed()).isFalse();
    }

    @Test
    void theRuleChecksRunAndDecideTheVerdict() {
        SourceFile policy = SourceFile.of("p.stockade", "server s {\n  command \"/usr/bin/true\"\n}\n");

        ValidationResult atError = Validation.run(List.of(policy), FailOn.ERROR);
        ValidationResult atWarning = Validation.run(List.of(policy), FailOn.WARNING);

        assertThat(atError.diagnostics()).extracting(Diagnostic::rule).contains("audit-missing", "limits-missing");
        assertThat(atError.verdict().failed()).isFalse();
        assertThat(atWarning.verdict().failed()).isTrue();
    }

    @Test
    void theBundledExamplesAreValid() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<SourceFile> sources = PolicySources.load(root.resolve("examples"), root);

        ValidationResult result = Validation.run(sources, FailOn.WARNING);

        assertThat(sources).isNotEmpty();
        assertThat(result.verdict().failed()).as(result.diagnostics().toString()).isFalse();
    }
}

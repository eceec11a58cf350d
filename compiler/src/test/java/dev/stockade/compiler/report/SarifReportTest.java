package dev.stockade.compiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    private static final Path BASE = Path.of("/work/project").toAbsolutePath();

    private static final Diagnostic WRITE_EXEC = Diagnostic.error("fs-write-exec",
            Span.of(BASE.resolve("policies/my server.stockade").toString(), 14, 11, 23),
            "\"/opt/tools\" is both writable and executable", "split build output from programs");

    private static final Diagnostic ACCEPTED = Diagnostic.warning("fs-redundant",
            Span.of("policies/a.stockade", 3, 5, 9), "\"/srv\" is already readable", "remove the grant")
            .accepted("kept for clarity");

    private static final Diagnostic INFO = Diagnostic.info("limits-missing",
            new Span("policies/a.stockade", 1, 1, 2, 1), "no limits block", "");

    private static JsonNode render(Diagnostic... diagnostics) throws Exception {
        String sarif = SarifReport.render(List.of(diagnostics), "1.2.3", BASE,
                Map.of("fs-write-exec", "write to one directory and execute from another"));
        return new ObjectMapper().readTree(sarif);
    }

    private static JsonNode run(JsonNode root) {
        return root.get("runs").get(0);
    }

    @Test
    void declaresSchemaVersionAndTool() throws Exception {
        JsonNode root = render(WRITE_EXEC);

        assertThat(root.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        assertThat(root.get("runs")).hasSize(1);
        JsonNode driver = run(root).get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("Stockade");
        assertThat(driver.get("informationUri").asText()).isEqualTo("https://stockade.dev");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
        assertThat(run(root).get("columnKind").asText()).isEqualTo("unicodeCodePoints");
        JsonNode srcroot = run(root).get("originalUriBaseIds").get("%SRCROOT%");
        assertThat(srcroot.get("uri").asText()).isEqualTo(BASE.toUri().toASCIIString().replaceAll("/?$", "/"));
    }

    @Test
    void listsEveryCatalogRuleInCatalogOrder() throws Exception {
        JsonNode rules = run(render()).get("tool").get("driver").get("rules");

        assertThat(rules).hasSize(RuleCatalog.ALL.size());
        for (int i = 0; i < RuleCatalog.ALL.size(); i++) {
            RuleInfo info = RuleCatalog.ALL.get(i);
            JsonNode rule = rules.get(i);
            assertThat(rule.get("id").asText()).isEqualTo(info.id());
            assertThat(rule.get("name").asText()).matches("([A-Z][a-z0-9]*)+");
            assertThat(rule.get("shortDescription").get("text").asText()).isEqualTo(info.summary());
            assertThat(rule.get("fullDescription").get("text").asText()).startsWith(info.summary());
            assertThat(rule.get("help").get("text").asText()).isNotBlank();
            assertThat(rule.get("defaultConfiguration").get("level").asText()).isIn("error", "warning", "note");
            assertThat(rule.get("properties").get("security-severity").isTextual()).isTrue();
            assertThat(rule.get("properties").get("tags")).extracting(JsonNode::asText).containsExactly("security");
        }
    }

    @Test
    void describesARuleWithItsHelpOrItsSummary() throws Exception {
        JsonNode rules = run(render()).get("tool").get("driver").get("rules");
        JsonNode writeExec = rules.get(RuleCatalog.ALL.indexOf(RuleCatalog.FS_WRITE_EXEC));
        JsonNode limits = rules.get(RuleCatalog.ALL.indexOf(RuleCatalog.LIMITS_MISSING));

        assertThat(writeExec.get("name").asText()).isEqualTo("FsWriteExec");
        assertThat(writeExec.get("help").get("text").asText()).isEqualTo("write to one directory and execute from another");
        assertThat(writeExec.get("fullDescription").get("text").asText())
                .isEqualTo("one path is both writable and executable; error by default, can be waived with accept");
        assertThat(writeExec.get("properties").get("security-severity").asText()).isEqualTo("9.0");
        assertThat(limits.get("help").get("text").asText()).isEqualTo(RuleCatalog.LIMITS_MISSING.summary());
        assertThat(limits.get("defaultConfiguration").get("level").asText()).isEqualTo("note");
        assertThat(limits.get("properties").get("security-severity").asText()).isEqualTo("2.0");
        JsonNode unused = rules.get(RuleCatalog.ALL.indexOf(RuleCatalog.ACCEPT_UNUSED));
        assertThat(unused.get("properties").get("security-severity").asText()).isEqualTo("5.0");
        assertThat(unused.get("fullDescription").get("text").asText()).endsWith("warning by default, cannot be waived");
    }

    @Test
    void pointsEachResultAtItsRuleAndPlace() throws Exception {
        JsonNode run = run(render(WRITE_EXEC, INFO, ACCEPTED));
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode results = run.get("results");

        assertThat(results).extracting(r -> r.get("ruleId").asText())
                // Report order is by file name first, and the absolute "/work/..." sorts before "policies/...".
                .containsExactly("fs-write-exec", "limits-missing", "fs-redundant");
        for (JsonNode result : results) {
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
                    .isEqualTo(result.get("ruleId").asText());
        }
        JsonNode writeExec = results.get(0);
        assertThat(writeExec.get("level").asText()).isEqualTo("error");
        assertThat(writeExec.get("message").get("text").asText())
                .isEqualTo("\"/opt/tools\" is both writable and executable — hint: split build output from programs");
        JsonNode location = writeExec.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("policies/my%20server.stockade");
        assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        JsonNode region = location.get("region");
        assertThat(region.get("startLine").asInt()).isEqualTo(14);
        assertThat(region.get("startColumn").asInt()).isEqualTo(11);
        assertThat(region.get("endLine").asInt()).isEqualTo(14);
        assertThat(region.get("endColumn").asInt()).isEqualTo(23);
        assertThat(writeExec.has("suppressions")).isFalse();

        JsonNode info = results.get(1);
        assertThat(info.get("level").asText()).isEqualTo("note");
        assertThat(info.get("message").get("text").asText()).isEqualTo("no limits block");
        assertThat(info.get("locations").get(0).get("physicalLocation").get("region").get("endLine").asInt())
                .isEqualTo(2);
    }

    @Test
    void suppressesAnAcceptedFindingInSourceWithItsReason() throws Exception {
        JsonNode result = run(render(ACCEPTED)).get("results").get(0);

        assertThat(result.get("level").asText()).isEqualTo("warning");
        assertThat(result.get("suppressions")).hasSize(1);
        assertThat(result.get("suppressions").get(0).get("kind").asText()).isEqualTo("inSource");
        assertThat(result.get("suppressions").get(0).get("justification").asText()).isEqualTo("kept for clarity");
        JsonNode artifact = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertThat(artifact.get("uri").asText()).isEqualTo("policies/a.stockade");
    }

    @Test
    void leavesOutTheIndexOfARuleOutsideTheCatalog() throws Exception {
        Diagnostic custom = Diagnostic.warning("custom-rule", Span.of("a.stockade", 1, 1, 2), "m", "h");

        JsonNode result = run(render(custom)).get("results").get(0);

        assertThat(result.get("ruleId").asText()).isEqualTo("custom-rule");
        assertThat(result.has("ruleIndex")).isFalse();
    }

    @Test
    void isByteIdenticalWhateverTheInputOrder() {
        List<Diagnostic> diagnostics = new ArrayList<>(List.of(WRITE_EXEC, INFO, ACCEPTED));
        String expected = SarifReport.render(diagnostics, "1.2.3", BASE, Map.of());

        Collections.reverse(diagnostics);
        assertThat(SarifReport.render(diagnostics, "1.2.3", BASE, Map.of())).isEqualTo(expected);
        assertThat(expected).startsWith("{\n  \"$schema\": ").endsWith("}\n").doesNotContain("\r");
    }
}

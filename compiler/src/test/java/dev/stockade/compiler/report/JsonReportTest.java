package dev.stockade.compiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Diagnostic WRITE_EXEC = Diagnostic.error("fs-write-exec",
            new Span("policies/a.stockade", 14, 11, 15, 3), "\"/opt/tools\" is both writable and executable",
            "split build output from programs");

    private static final Diagnostic REDUNDANT = Diagnostic.warning("fs-redundant",
            Span.of("policies/a.stockade", 3, 5, 9), "\"/srv\" is already readable", "remove the grant")
            .accepted("kept for \"clarity\"\n");

    private static final Diagnostic LIMITS = Diagnostic.info("limits-missing",
            Span.of("policies/b.stockade", 1, 1, 1), "no limits block", "");

    private static JsonNode parse(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void writesVersionSummaryAndFindingsInAFixedFieldOrder() throws Exception {
        JsonNode root = parse(JsonReport.render(List.of(LIMITS, WRITE_EXEC, REDUNDANT)));

        assertThat(fieldNames(root)).containsExactly("version", "summary", "findings");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        JsonNode summary = root.get("summary");
        assertThat(fieldNames(summary)).containsExactly("errors", "warnings", "infos", "accepted");
        assertThat(summary.get("errors").asInt()).isEqualTo(1);
        assertThat(summary.get("warnings").asInt()).isZero();
        assertThat(summary.get("infos").asInt()).isEqualTo(1);
        assertThat(summary.get("accepted").asInt()).isEqualTo(1);
        assertThat(root.get("findings")).hasSize(3);
        for (JsonNode finding : root.get("findings")) {
            assertThat(fieldNames(finding)).startsWith("rule", "severity", "file", "line", "column", "endLine",
                    "endColumn", "message", "hint", "accepted");
        }
    }

    @Test
    void writesEveryFieldOfAFindingWithItsType() throws Exception {
        JsonNode findings = parse(JsonReport.render(List.of(LIMITS, WRITE_EXEC, REDUNDANT))).get("findings");

        JsonNode accepted = findings.get(0);
        assertThat(accepted.get("rule").asText()).isEqualTo("fs-redundant");
        assertThat(accepted.get("severity").asText()).isEqualTo("warning");
        assertThat(accepted.get("file").asText()).isEqualTo("policies/a.stockade");
        assertThat(accepted.get("line").isInt()).isTrue();
        assertThat(accepted.get("line").asInt()).isEqualTo(3);
        assertThat(accepted.get("column").asInt()).isEqualTo(5);
        assertThat(accepted.get("endLine").asInt()).isEqualTo(3);
        assertThat(accepted.get("endColumn").asInt()).isEqualTo(9);
        assertThat(accepted.get("message").asText()).isEqualTo("\"/srv\" is already readable");
        assertThat(accepted.get("hint").asText()).isEqualTo("remove the grant");
        assertThat(accepted.get("accepted").isBoolean()).isTrue();
        assertThat(accepted.get("accepted").asBoolean()).isTrue();
        assertThat(accepted.get("acceptedBecause").asText()).isEqualTo("kept for \"clarity\"\n");

        JsonNode multiLine = findings.get(1);
        assertThat(multiLine.get("rule").asText()).isEqualTo("fs-write-exec");
        assertThat(multiLine.get("severity").asText()).isEqualTo("error");
        assertThat(multiLine.get("line").asInt()).isEqualTo(14);
        assertThat(multiLine.get("endLine").asInt()).isEqualTo(15);
        assertThat(multiLine.get("endColumn").asInt()).isEqualTo(3);
        assertThat(multiLine.get("accepted").asBoolean()).isFalse();
        assertThat(multiLine.has("acceptedBecause")).isFalse();

        JsonNode info = findings.get(2);
        assertThat(info.get("severity").asText()).isEqualTo("info");
        assertThat(info.get("file").asText()).isEqualTo("policies/b.stockade");
        assertThat(info.get("hint").asText()).isEmpty();
    }

    @Test
    void prettyPrintsWithTwoSpacesNewlinesAndATrailingNewline() {
        String json = JsonReport.render(List.of(LIMITS));

        assertThat(json).startsWith("{\n  \"version\": 1,\n  \"summary\": {\n    \"errors\": 0,");
        assertThat(json).contains("\n  \"findings\": [\n    {\n      \"rule\": \"limits-missing\",");
        assertThat(json).endsWith("\n}\n").doesNotContain("\r");
    }

    @Test
    void writesAnEmptyReport() throws Exception {
        String json = JsonReport.render(List.of());

        assertThat(json).contains("\"findings\": []");
        assertThat(parse(json).get("summary").get("errors").asInt()).isZero();
    }

    @Test
    void isByteIdenticalWhateverTheInputOrder() {
        List<Diagnostic> diagnostics = new ArrayList<>(List.of(LIMITS, WRITE_EXEC, REDUNDANT));
        String expected = JsonReport.render(diagnostics);

        Collections.reverse(diagnostics);
        assertThat(JsonReport.render(diagnostics)).isEqualTo(expected);
        Collections.swap(diagnostics, 0, 1);
        assertThat(JsonReport.render(diagnostics)).isEqualTo(expected);
    }
}

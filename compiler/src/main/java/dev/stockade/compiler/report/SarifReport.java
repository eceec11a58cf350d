package dev.stockade.compiler.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.source.Span;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A SARIF 2.1.0 log for code-scanning services such as GitHub code scanning.
 *
 * <p>The run lists every rule of {@link RuleCatalog#ALL}, not only those that fired, so a service
 * can show a rule's help and severity before it ever fires and {@code ruleIndex} stays stable
 * across runs. A result's hint is appended to {@code message.text} as {@code " — hint: …"}:
 * services show the message prominently and custom properties hardly at all, and a finding
 * without its fix is half a finding. An accepted finding carries an {@code inSource} suppression
 * with the reason, which services show as dismissed rather than hiding it. Columns are code
 * points, as {@code columnKind} says; an empty region (start equals end) marks an insertion
 * point such as the end of a file.
 */
public final class SarifReport {

    /** The base id every relative artifact URI is resolved against. */
    public static final String SRCROOT = "%SRCROOT%";

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    /**
     * Renders findings in report order, whatever order they come in; ends with a newline.
     *
     * @param toolVersion the Stockade version that produced the findings
     * @param baseDirectory the directory {@value #SRCROOT} stands for, normally the project root
     *     and the repository checkout; files inside it get URIs relative to it
     * @param helpTexts fix-oriented help per rule id; a rule without one falls back to its summary
     */
    public static String render(
            Collection<Diagnostic> diagnostics, String toolVersion, Path baseDirectory, Map<String, String> helpTexts) {
        return Json.render(json -> body(json, diagnostics, toolVersion, baseDirectory, helpTexts));
    }

    /** {@link #render} streamed to {@code out}, one result at a time. */
    public static void write(Collection<Diagnostic> diagnostics, String toolVersion, Path baseDirectory,
            Map<String, String> helpTexts, Writer out) throws IOException {
        Json.write(out, json -> body(json, diagnostics, toolVersion, baseDirectory, helpTexts));
    }

    private static void body(JsonGenerator json, Collection<Diagnostic> diagnostics, String toolVersion,
            Path baseDirectory, Map<String, String> helpTexts) throws IOException {
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        ObjectNode tool = Json.object();
        ObjectNode driver = tool.putObject("driver");
        driver.put("name", "Stockade");
        driver.put("informationUri", "https://stockade.dev");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        RuleCatalog.ALL.forEach(rule -> SarifRules.rule(rules.addObject(), rule, helpTexts));
        json.writeFieldName("tool");
        Json.tree(json, tool);
        json.writeObjectFieldStart("originalUriBaseIds");
        json.writeObjectFieldStart(SRCROOT);
        json.writeStringField("uri", ArtifactUri.baseUri(baseDirectory));
        json.writeEndObject();
        json.writeEndObject();
        json.writeStringField("columnKind", "unicodeCodePoints");
        json.writeArrayFieldStart("results");
        Map<String, ArtifactUri> uris = new HashMap<>(); // a fleet has thousands of findings per file
        for (Diagnostic diagnostic : diagnostics.stream().sorted(Diagnostic.ORDER).toList()) {
            result(json, diagnostic, uris.computeIfAbsent(diagnostic.span().file(), file -> ArtifactUri.of(file, baseDirectory)));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    /** One result, written field by field (a tree per result was most of the report's time for a large fleet). */
    private static void result(JsonGenerator json, Diagnostic diagnostic, ArtifactUri uri) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", diagnostic.rule());
        // A rule outside the catalog has no index to point at; SARIF allows ruleId alone.
        int index = ruleIndex(diagnostic.rule());
        if (index >= 0) {
            json.writeNumberField("ruleIndex", index);
        }
        json.writeStringField("level", SarifRules.level(diagnostic.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", messageText(diagnostic));
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        artifact(json, uri);
        region(json, diagnostic.span());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        if (diagnostic.acceptedBecause().isPresent()) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", "inSource");
            json.writeStringField("justification", diagnostic.acceptedBecause().get());
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static int ruleIndex(String id) {
        List<RuleInfo> all = RuleCatalog.ALL;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String messageText(Diagnostic diagnostic) {
        return diagnostic.hint().isBlank()
                ? diagnostic.message()
                : diagnostic.message() + " — hint: " + diagnostic.hint();
    }

    private static void artifact(JsonGenerator json, ArtifactUri uri) throws IOException {
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri.uri());
        if (uri.relative()) {
            json.writeStringField("uriBaseId", SRCROOT);
        }
        json.writeEndObject();
    }

    private static void region(JsonGenerator json, Span span) throws IOException {
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", span.line());
        json.writeNumberField("startColumn", span.column());
        json.writeNumberField("endLine", span.endLine());
        json.writeNumberField("endColumn", span.endColumn());
        json.writeEndObject();
    }
}

package dev.stockade.compiler.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.Span;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;

/**
 * The report scripts read: every finding with its exact position, plus the same counts as the
 * text report.
 *
 * <pre>
 * {"version": 1,
 *  "summary": {"errors": n, "warnings": n, "infos": n, "accepted": n},
 *  "findings": [{"rule", "severity", "file", "line", "column", "endLine", "endColumn",
 *                "message", "hint", "accepted", "acceptedBecause" (only when accepted)}]}
 * </pre>
 *
 * <p>{@code version} is the layout version, raised only when a field changes meaning or goes away,
 * so consumers can refuse what they do not understand. Strings are written as they are (JSON
 * escapes control characters itself); {@code file} is the display path the finding was reported
 * under.
 */
public final class JsonReport {

    /** The layout version this class writes. */
    public static final int VERSION = 1;

    private JsonReport() {
    }

    /** Renders findings in report order, whatever order they come in; ends with a newline. */
    public static String render(Collection<Diagnostic> diagnostics) {
        return Json.render(json -> body(json, diagnostics));
    }

    /** {@link #render} streamed to {@code out}, one finding at a time. */
    public static void write(Collection<Diagnostic> diagnostics, Writer out) throws IOException {
        Json.write(out, json -> body(json, diagnostics));
    }

    private static void body(JsonGenerator json, Collection<Diagnostic> diagnostics) throws IOException {
        Summary summary = Summary.of(diagnostics);
        json.writeStartObject();
        json.writeNumberField("version", VERSION);
        json.writeObjectFieldStart("summary");
        json.writeNumberField("errors", summary.errors());
        json.writeNumberField("warnings", summary.warnings());
        json.writeNumberField("infos", summary.infos());
        json.writeNumberField("accepted", summary.accepted());
        json.writeEndObject();
        json.writeArrayFieldStart("findings");
        for (Diagnostic diagnostic : diagnostics.stream().sorted(Diagnostic.ORDER).toList()) {
            ObjectNode node = Json.object();
            finding(node, diagnostic);
            Json.tree(json, node);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void finding(ObjectNode node, Diagnostic diagnostic) {
        Span span = diagnostic.span();
        node.put("rule", diagnostic.rule());
        node.put("severity", diagnostic.severity().label());
        node.put("file", span.file());
        node.put("line", span.line());
        node.put("column", span.column());
        node.put("endLine", span.endLine());
        node.put("endColumn", span.endColumn());
        node.put("message", diagnostic.message());
        node.put("hint", diagnostic.hint());
        node.put("accepted", diagnostic.isAccepted());
        diagnostic.acceptedBecause().ifPresent(reason -> node.put("acceptedBecause", reason));
    }
}

package dev.stockade.compiler.report;

import com.fasterxml.jackson.core.JsonGenerator;
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
            finding(json, diagnostic);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /**
     * One finding, written field by field: a tree per finding (an {@code ObjectNode}, its map and a
     * node per value) was most of the report's time for a fleet's 287,000 findings, for the same bytes.
     */
    private static void finding(JsonGenerator json, Diagnostic diagnostic) throws IOException {
        Span span = diagnostic.span();
        json.writeStartObject();
        json.writeStringField("rule", diagnostic.rule());
        json.writeStringField("severity", diagnostic.severity().label());
        json.writeStringField("file", span.file());
        json.writeNumberField("line", span.line());
        json.writeNumberField("column", span.column());
        json.writeNumberField("endLine", span.endLine());
        json.writeNumberField("endColumn", span.endColumn());
        json.writeStringField("message", diagnostic.message());
        json.writeStringField("hint", diagnostic.hint());
        json.writeBooleanField("accepted", diagnostic.isAccepted());
        if (diagnostic.acceptedBecause().isPresent()) {
            json.writeStringField("acceptedBecause", diagnostic.acceptedBecause().get());
        }
        json.writeEndObject();
    }
}

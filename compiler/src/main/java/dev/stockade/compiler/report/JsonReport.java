package dev.stockade.compiler.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.Span;
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
        Summary summary = Summary.of(diagnostics);
        ObjectNode root = Json.object();
        root.put("version", VERSION);
        ObjectNode counts = root.putObject("summary");
        counts.put("errors", summary.errors());
        counts.put("warnings", summary.warnings());
        counts.put("infos", summary.infos());
        counts.put("accepted", summary.accepted());
        ArrayNode findings = root.putArray("findings");
        diagnostics.stream().sorted(Diagnostic.ORDER).forEach(diagnostic -> finding(findings.addObject(), diagnostic));
        return Json.write(root);
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

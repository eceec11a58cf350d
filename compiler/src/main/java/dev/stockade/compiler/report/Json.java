package dev.stockade.compiler.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one JSON layout both machine-readable reports share.
 *
 * <p>Reports are streamed: the document's frame is written field by field and each finding as a
 * small Jackson tree, whose fields keep insertion order, rather than bound from classes, so the
 * field order is visible in the code that writes it and a report of hundreds of thousands of
 * findings never exists whole in memory. Jackson's default pretty
 * printer uses the platform line separator and {@code [ ]} for empty arrays; this one is pinned
 * to two-space indent, {@code "key": value} and {@code \n}, so output is byte-identical on every
 * machine.
 */
final class Json {

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER);

    // Flushing after each finding's tree made every finding a write to the file.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /** What writes a document's content, from its first {@code writeStartObject} to its last end. */
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Writes the document {@code body} makes to {@code out}, pretty printed, with a final newline so the file ends like a text file. */
    static void write(Writer out, Body body) throws IOException {
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.setPrettyPrinter(PRINTER.createInstance());
            body.write(json);
        }
        out.write('\n');
    }

    /** {@link #write(Writer, Body)} into a string. */
    static String render(Body body) {
        StringWriter out = new StringWriter();
        try {
            write(out, body);
        } catch (IOException impossible) {
            throw new UncheckedIOException("a StringWriter does not fail", impossible);
        }
        return out.toString();
    }

    /** One node, written where the generator stands. */
    static void tree(JsonGenerator json, JsonNode node) throws IOException {
        MAPPER.writeTree(json, node);
    }
}

package dev.stockade.compiler.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON layout both machine-readable reports share.
 *
 * <p>Reports are built as Jackson trees, whose fields keep insertion order, rather than bound from
 * classes, so the field order is visible in the code that writes it. Jackson's default pretty
 * printer uses the platform line separator and {@code [ ]} for empty arrays; this one is pinned
 * to two-space indent, {@code "key": value} and {@code \n}, so output is byte-identical on every
 * machine.
 */
final class Json {

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER));

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The document, pretty printed, with a final newline so the file ends like a text file. */
    static String write(JsonNode document) {
        try {
            return WRITER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes; reaching this is a bug, not bad input.
            throw new IllegalStateException("cannot write report json", e);
        }
    }
}

package dev.stockade.compiler.target.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Generated YAML read back as a YAML 1.1 reader (SnakeYAML) sees it: unquoted yes, no, null, 0x1F would change type. */
public final class Yaml {

    private static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {
    }

    /** Every document of a multi-document stream, empty ones left out. */
    public static List<JsonNode> documents(String text) {
        try (MappingIterator<JsonNode> docs = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            return docs.readAll().stream().filter(node -> node != null && !node.isMissingNode() && !node.isNull()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + e.getMessage(), e);
        }
    }

    public static JsonNode document(String text) {
        List<JsonNode> docs = documents(text);
        if (docs.size() != 1) {
            throw new AssertionError("expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }
}

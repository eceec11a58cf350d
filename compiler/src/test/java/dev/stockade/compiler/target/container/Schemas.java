package dev.stockade.compiler.target.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON schemas the container targets' output must satisfy, from the {@code shared/schemas}
 * folder next to the repository (the first ancestor of the repository root that has one; a worktree
 * may sit deeper than the main checkout), or from {@code -Dstockade.schemas=DIR}. A missing folder
 * fails the test: it is part of the project's checkout, not an optional tool.
 */
public final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private Schemas() {
    }

    public static Path root() {
        String property = System.getProperty("stockade.schemas");
        if (property != null) {
            return Path.of(property);
        }
        Path repository = Path.of("").toAbsolutePath().getParent();
        for (Path dir = repository.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/schemas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no shared/schemas folder above " + repository + " (set -Dstockade.schemas=DIR)");
    }

    /** The strict Kubernetes v1.34.0 schema of a kind: unknown fields are errors. */
    public static JsonSchema kubernetes(String file) {
        return load(root().resolve("kubernetes/v1.34.0-standalone-strict").resolve(file), SpecVersion.VersionFlag.V4);
    }

    public static JsonSchema compose() {
        return load(root().resolve("compose/compose-spec.json"), SpecVersion.VersionFlag.V7);
    }

    /** Asserts {@code document} is valid, listing every error otherwise. */
    public static void assertValid(JsonSchema schema, JsonNode document, String what) {
        Set<ValidationMessage> errors = schema.validate(document);
        assertThat(errors).as("schema errors in %s", what).isEmpty();
    }

    /**
     * The schemas name their draft with URIs the validator does not know ({@code http://json-schema.org/schema#},
     * {@code https://json-schema.org/draft-07/schema}), so {@code $schema} is dropped and the draft given here.
     */
    private static JsonSchema load(Path file, SpecVersion.VersionFlag version) {
        return LOADED.computeIfAbsent(file, f -> {
            try {
                ObjectNode schema = (ObjectNode) JSON.readTree(Files.readString(f));
                schema.remove("$schema");
                // The file's URI is the base a relative $id (compose's "compose_spec.json") resolves against.
                return JsonSchemaFactory.getInstance(version).getSchema(SchemaLocation.of(f.toUri().toString()), schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + f, e);
            }
        });
    }
}

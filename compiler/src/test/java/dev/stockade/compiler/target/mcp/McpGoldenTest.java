package dev.stockade.compiler.target.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input: golden files compiled twice identical; each file parses back as JSON with exactly
 * the {@code linux} and {@code macos} client objects; secrets only as {@code ${NAME}} references;
 * and every launcher path, stripped of the install prefix, is a file the bubblewrap and macos
 * targets generate for the same server.
 */
class McpGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> inputs() {
        return Golden.inputs();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void clientConfigurationsMatchGoldenAndTheLaunchers(Path policy) throws Exception {
        List<Artifact> artifacts = Golden.check(policy, "mcp");
        Set<String> launchers = launchers(policy);
        assertThat(artifacts).isNotEmpty();
        for (Artifact artifact : artifacts) {
            String server = artifact.path().substring("mcp/".length(), artifact.path().length() - ".json".length());
            assertThat(artifact.content()).endsWith("}\n").doesNotContain("\r", "\t", " : ");
            JsonNode root = JSON.readTree(artifact.content());
            assertThat(fieldNames(root)).containsExactly("linux", "macos");
            JsonNode linux = only(root.get("linux"), server);
            JsonNode macos = only(root.get("macos"), server);
            assertThat(linux.get("command").asText()).startsWith(McpTarget.PREFIX + "/");
            assertThat(launchers).contains(linux.get("command").asText().substring(McpTarget.PREFIX.length() + 1));
            assertThat(linux.get("args")).isEmpty();
            assertThat(macos.get("command").asText()).isEqualTo("/usr/bin/sandbox-exec");
            assertThat(macos.get("args").get(0).asText()).isEqualTo("-f");
            String profile = macos.get("args").get(1).asText();
            assertThat(profile).startsWith(McpTarget.PREFIX + "/");
            assertThat(launchers).contains(profile.substring(McpTarget.PREFIX.length() + 1));
            for (JsonNode entry : List.of(linux, macos)) {
                secretsAreReferences(entry);
                assertThat(fieldNames(entry)).isSubsetOf("command", "args", "env", "timeout", "retries");
            }
            assertThat(linux.get("env")).isEqualTo(macos.get("env"));
        }
    }

    @Test
    void aDollarBraceInTheCommandSkipsTheServer() {
        String policy = "server braces {\n  command \"/usr/bin/node\" \"/opt/b/server.js\" \"${HOME}\"\n"
                + "  runtime node\n  network none\n}\n";
        Stockade.Outcome outcome = Stockade.compile(
                List.of(SourceFile.fromBytes("braces.stockade", policy.getBytes(StandardCharsets.UTF_8))), List.of("mcp"));
        assertThat(outcome.artifacts()).isEmpty();
        assertThat(outcome.diagnostics().stream().map(Diagnostic::toString)).anyMatch(d -> d.contains("target-skipped"));
    }

    private static void secretsAreReferences(JsonNode entry) {
        JsonNode env = entry.get("env");
        if (env == null) {
            return;
        }
        env.fields().forEachRemaining(field -> assertThat(field.getValue().asText())
                .as("env %s is a reference, never a value", field.getKey()).isEqualTo("${" + field.getKey() + "}"));
        entry.get("args").forEach(arg -> assertThat(arg.asText()).doesNotMatch("[A-Za-z_][A-Za-z0-9_]*=\\$\\{.*"));
    }

    private static JsonNode only(JsonNode client, String server) {
        assertThat(fieldNames(client)).containsExactly("mcpServers");
        assertThat(fieldNames(client.get("mcpServers"))).containsExactly(server);
        return client.get("mcpServers").get(server);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The files the launching targets generate for this policy. */
    private static Set<String> launchers(Path policy) {
        return List.of("bubblewrap", "macos").stream().flatMap(t -> Golden.compile(policy, t).artifacts().stream())
                .map(Artifact::path).collect(Collectors.toSet());
    }
}

package dev.stockade.compiler.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockade.compiler.Stockade;
import dev.stockade.dsl.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretNamesTest {

    private static final String POLICY = """
            server s {
              command "/usr/bin/node" "/opt/s/server.js"
              runtime node
              network none
              secrets {
                env ZED
                env ALPHA ZED
                vault "kv/data/s" ttl 1h {
                  ALPHA = a
                  MID = m
                }
              }
            }
            """;

    @Test
    void eachTargetPassesEveryNameOnceInPolicyOrder() throws Exception {
        Stockade.Outcome outcome = Stockade.compile(List.of(SourceFile.fromBytes("s.stockade", POLICY.getBytes(StandardCharsets.UTF_8))),
                List.of("mcp", "bubblewrap", "probe"));
        assertThat(outcome.hasBlockingErrors()).as(outcome.diagnostics().toString()).isFalse();

        JsonNode env = new ObjectMapper().readTree(artifact(outcome, "mcp/s.json")).path("linux").path("mcpServers").path("s").path("env");
        List<String> names = new ArrayList<>();
        env.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("ZED", "ALPHA", "MID");
        String launcher = artifact(outcome, "bubblewrap/s.sh");
        assertThat(launcher.indexOf("'ZED'")).isPositive().isLessThan(launcher.indexOf("'ALPHA'"));
        assertThat(launcher.indexOf("'ALPHA'")).isLessThan(launcher.indexOf("'MID'"));
        assertThat(launcher.indexOf("'ZED'")).isEqualTo(launcher.lastIndexOf("'ZED'"));
        assertThat(artifact(outcome, "probe/s.sh")).contains("'ALPHA'", "'MID'", "'ZED'");
    }

    private static String artifact(Stockade.Outcome outcome, String path) {
        return outcome.artifacts().stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(
                path + " not among " + outcome.artifacts().stream().map(Artifact::path).toList())).content();
    }
}

package dev.stockade.compiler.target.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.Tool;
import dev.stockade.compiler.target.container.Schemas;
import dev.stockade.compiler.target.container.Yaml;
import dev.stockade.dsl.model.ComposeSettings;
import dev.stockade.dsl.model.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated compose file is valid against the compose-spec JSON schema and accepted by
 * {@code docker-compose config} (Debian's docker-compose 1.29, which validates and normalizes the
 * file without a Docker engine: DOCKER_HOST points at a socket that does not exist). The
 * normalized output still holds the hardening, and every user string reads back unchanged.
 */
class ComposeConfigTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Map<String, String> NO_ENGINE = Map.of("DOCKER_HOST", "unix:///nonexistent/stockade-no-docker.sock");

    static Stream<Path> inputs() {
        return Golden.inputs().stream();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void composeAcceptsIt(Path policy) {
        Stockade.Outcome outcome = Golden.compile(policy, ComposeTarget.NAME);
        Optional<Artifact> file = outcome.artifacts().stream().filter(a -> a.path().equals(ComposeTarget.FILE)).findFirst();
        List<ServerContext> servers = Checker.resolve(outcome.parse().policies()).stream()
                .filter(s -> s.server().compose().isPresent()).toList();
        assertThat(file.isPresent()).as("a compose file iff some server has a compose block").isEqualTo(!servers.isEmpty());
        if (file.isEmpty()) {
            return;
        }
        Schemas.assertValid(Schemas.compose(), Yaml.document(file.get().content()), policy + " compose.yaml");
        Path dir = Tool.scratch("compose-");
        try {
            Tool.write(dir.resolve(ComposeTarget.FILE), file.get().content());
            for (ServerContext server : servers) {
                Optional<Text> build = server.server().compose().flatMap(ComposeSettings::build);
                if (build.isPresent() && !build.get().value().startsWith("/")) {
                    Files.createDirectories(dir.resolve("compose").resolve(build.get().value()));
                }
            }
            Tool.Result config = Tool.run(List.of("docker-compose", "-f", ComposeTarget.FILE, "config"), dir,
                    NO_ENGINE, TIMEOUT).ok();
            JsonNode normalized = Yaml.document(config.out());
            for (ServerContext server : servers) {
                checkService(normalized.path("services").path(server.name()), server);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            Tool.deleteTree(dir);
        }
    }

    /** Both checks are live: an unknown key in a service fails the schema and docker-compose alike. */
    @Test
    void unknownKeysFailBothChecks() {
        String content = Golden.compile(Golden.EXAMPLES.resolve("complete.stockade"), ComposeTarget.NAME).artifacts()
                .get(0).content().replaceFirst("\n    read_only: true\n", "\n    read_only: true\n    run_as_root: true\n");
        assertThat(Schemas.compose().validate(Yaml.document(content))).isNotEmpty();
        Path dir = Tool.scratch("compose-");
        try {
            Tool.write(dir.resolve(ComposeTarget.FILE), content);
            Tool.Result config = Tool.run(List.of("docker-compose", "-f", ComposeTarget.FILE, "config"), dir,
                    NO_ENGINE, TIMEOUT);
            assertThat(config.exit()).isNotZero();
            assertThat(config.err()).contains("run_as_root");
        } finally {
            Tool.deleteTree(dir);
        }
    }

    private static void checkService(JsonNode service, ServerContext server) {
        assertThat(service.isObject()).as("service %s", server.name()).isTrue();
        assertThat(service.path("read_only").booleanValue()).isTrue();
        assertThat(service.path("user").asText()).isEqualTo("65532:65532");
        assertThat(service.path("cap_drop")).extracting(JsonNode::asText).containsExactly("ALL");
        assertThat(service.path("security_opt")).extracting(JsonNode::asText).containsExactly("no-new-privileges:true");
        assertThat(service.path("tmpfs")).extracting(JsonNode::asText).containsExactly("/tmp");
        service.path("environment").fields().forEachRemaining(env ->
                assertThat(env.getValue().isNull()).as("secret %s passes through by name", env.getKey()).isTrue());
        ComposeSettings settings = server.server().compose().orElseThrow();
        settings.image().ifPresent(image -> assertThat(service.path("image").textValue()).isEqualTo(image.value()));
        boolean networked = ComposeTarget.networked(server);
        assertThat(service.path("network_mode").asText()).isEqualTo(networked ? "" : "none");
        assertThat(service.path("networks").path(server.name()).path("ipv4_address").isTextual()).isEqualTo(networked);
        for (JsonNode volume : service.path("volumes")) {
            assertThat(volume.path("type").asText()).isIn("bind", "tmpfs");
        }
    }
}

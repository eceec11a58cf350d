package dev.stockade.compiler.target.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.container.Schemas;
import dev.stockade.compiler.target.container.Yaml;
import dev.stockade.dsl.model.KubernetesSettings;
import dev.stockade.dsl.model.Label;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated manifest holds exactly a ServiceAccount, a NetworkPolicy and a Deployment, each
 * valid against the strict Kubernetes v1.34.0 schema (unknown fields fail), with the hardening the
 * target promises, and every user string reads back as the same string (YAML escaping).
 */
class KubernetesSchemaTest {

    static Stream<Path> inputs() {
        return Golden.inputs().stream();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void manifestsAreValidAndHardened(Path policy) {
        Stockade.Outcome outcome = Golden.compile(policy, KubernetesTarget.NAME);
        Map<String, ServerContext> servers = new LinkedHashMap<>();
        Checker.resolve(outcome.parse().policies()).forEach(s -> servers.put(s.name(), s));
        for (Artifact artifact : outcome.artifacts()) {
            String server = artifact.path().replaceAll("^kubernetes/(.*)\\.yaml$", "$1");
            List<JsonNode> docs = Yaml.documents(artifact.content());
            assertThat(docs).extracting(d -> d.path("kind").asText())
                    .containsExactly("ServiceAccount", "NetworkPolicy", "Deployment");
            Schemas.assertValid(Schemas.kubernetes("serviceaccount-v1.json"), docs.get(0), artifact.path() + " ServiceAccount");
            Schemas.assertValid(Schemas.kubernetes("networkpolicy-networking-v1.json"), docs.get(1), artifact.path() + " NetworkPolicy");
            Schemas.assertValid(Schemas.kubernetes("deployment-apps-v1.json"), docs.get(2), artifact.path() + " Deployment");
            checkHardening(docs, servers.get(server));
        }
    }

    /** The validator is live and strict: one unknown field in a container fails the Deployment. */
    @Test
    void strictSchemaRejectsUnknownFields() {
        Artifact manifest = Golden.compile(Golden.EXAMPLES.resolve("complete.stockade"), KubernetesTarget.NAME)
                .artifacts().get(0);
        JsonNode deployment = Yaml.documents(manifest.content()).get(2);
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("runAsRoot", true);
        assertThat(Schemas.kubernetes("deployment-apps-v1.json").validate(deployment)).isNotEmpty();
    }

    private static void checkHardening(List<JsonNode> docs, ServerContext server) {
        KubernetesSettings settings = server.server().kubernetes().orElseThrow();
        assertThat(docs.get(0).path("automountServiceAccountToken").booleanValue()).isFalse();
        JsonNode policy = docs.get(1).path("spec");
        assertThat(policy.path("policyTypes")).extracting(JsonNode::asText).containsExactly("Ingress", "Egress");
        assertThat(policy.path("ingress").isEmpty()).isTrue();
        JsonNode pod = docs.get(2).path("spec").path("template").path("spec");
        assertThat(pod.path("automountServiceAccountToken").booleanValue()).isFalse();
        JsonNode container = pod.path("containers").get(0);
        JsonNode security = container.path("securityContext");
        assertThat(security.path("runAsNonRoot").booleanValue()).isTrue();
        assertThat(security.path("runAsUser").intValue()).isPositive().isEqualTo(KubernetesTarget.uid(settings));
        assertThat(security.path("runAsGroup").intValue()).isPositive().isEqualTo(KubernetesTarget.gid(settings));
        assertThat(pod.path("securityContext").path("runAsUser")).isEqualTo(security.path("runAsUser"));
        assertThat(pod.path("securityContext").path("runAsGroup")).isEqualTo(security.path("runAsGroup"));
        assertThat(security.path("allowPrivilegeEscalation").booleanValue()).isFalse();
        assertThat(security.path("readOnlyRootFilesystem").booleanValue()).isTrue();
        assertThat(security.path("capabilities").path("drop")).extracting(JsonNode::asText).containsExactly("ALL");
        assertThat(security.path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.path("volumeMounts").get(0).path("mountPath").asText()).isEqualTo("/tmp");
        if (settings.volumes().isEmpty()) {
            assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).containsExactly("/tmp");
            assertThat(pod.path("securityContext").has("fsGroup")).isFalse();
        }
        assertThat(container.path("env").findValues("value")).as("secret values never appear").isEmpty();
        container.path("env").forEach(env -> assertThat(env.path("valueFrom").path("secretKeyRef").path("name").asText())
                .isEqualTo(server.name()));
        // Round trip: what the policy wrote is what Kubernetes reads.
        assertThat(container.path("image").textValue()).isEqualTo(settings.image().orElseThrow().value());
        JsonNode labels = docs.get(2).path("metadata").path("labels");
        assertThat(labels.path(KubernetesTarget.NAME_LABEL).textValue()).isEqualTo(server.name());
        for (Label label : settings.labels()) {
            if (!label.key().value().equals(KubernetesTarget.NAME_LABEL)) {
                assertThat(labels.path(label.key().value()).textValue()).as("label %s", label.key().value())
                        .isEqualTo(label.value().value());
            }
        }
        assertThat(docs.get(2).path("spec").path("selector").path("matchLabels"))
                .isEqualTo(policy.path("podSelector").path("matchLabels"));
    }
}

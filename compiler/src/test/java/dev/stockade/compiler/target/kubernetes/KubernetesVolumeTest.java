package dev.stockade.compiler.target.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Access;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.FsGrants;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.container.ContainerPolicy;
import dev.stockade.compiler.target.container.Yaml;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.KubernetesSettings;
import dev.stockade.dsl.model.KubernetesVolume;
import dev.stockade.dsl.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pod's mounts agree with the policy: each granted path with a named source is mounted from
 * that source with the right {@code readOnly}, and reading the mounts back the way a container
 * runtime does (the longest mount point above a path decides it) gives, at every named path and
 * just below it, exactly the policy's access, except the documented approximations: a Secret or
 * ConfigMap is read-only (stricter), append is writable, a grant outside every volume is absent.
 */
class KubernetesVolumeTest {

    static final Path CASE = Golden.CASES.resolve("kubernetes-volumes.stockade");

    /** One volumeMount read back, with the volume it names. */
    record Mount(String path, String subPath, boolean readOnly, JsonNode volume) {
        boolean hidden() {
            return volume.has("emptyDir");
        }
    }

    static Stream<Path> inputs() {
        return Golden.inputs().stream();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void mountsMatchThePolicy(Path policy) {
        Stockade.Outcome outcome = Golden.compile(policy, KubernetesTarget.NAME);
        Map<String, ServerContext> servers = new LinkedHashMap<>();
        Checker.resolve(outcome.parse().policies()).forEach(s -> servers.put(s.name(), s));
        for (Artifact artifact : outcome.artifacts()) {
            ServerContext server = servers.get(artifact.path().replaceAll("^kubernetes/(.*)\\.yaml$", "$1"));
            check(server, mounts(Yaml.documents(artifact.content()).get(2)));
        }
    }

    @Test
    void theVolumesCaseMountsEveryKindOfSource() {
        Stockade.Outcome outcome = Golden.compile(CASE, KubernetesTarget.NAME);
        List<Mount> mounts = mounts(Yaml.documents(outcome.artifacts().get(0).content()).get(2));
        assertThat(mounts).extracting(m -> type(m.volume()) + (m.readOnly() ? " ro " : " rw ") + m.path())
                .contains("persistentVolumeClaim ro /srv/data", "persistentVolumeClaim rw /srv/data/out",
                        "persistentVolumeClaim rw /srv/cache", "configMap ro /etc/mcp-volumes",
                        "secret ro /var/lib/mcp-volumes/tokens", "configMap ro /srv/shared/config",
                        "hostPath rw /srv/logs/mcp-volumes.log", "emptyDir rw /srv/data/private",
                        "persistentVolumeClaim ro /srv/data/private/public-keys",
                        "persistentVolumeClaim rw /srv/data/scratch");
        assertThat(mounts).noneMatch(m -> m.path().equals("/srv/models") || m.path().equals("/srv/data/reference"));
        assertThat(outcome.diagnostics()).filteredOn(d -> d.rule().equals("target-approximation"))
                .extracting(d -> d.span().line())
                .containsExactlyInAnyOrder(12, 12, 21, 27, 37, 38);
        JsonNode pod = Yaml.documents(outcome.artifacts().get(0).content()).get(2).path("spec").path("template").path("spec");
        assertThat(pod.path("securityContext").path("fsGroup").intValue()).isEqualTo(10002);
    }

    @Test
    void grantsWithoutASourceAreNamedInOneFindingOnTheBlock() {
        String policy = """
                stockade 1
                server unmounted {
                  command "/usr/bin/node" "/opt/unmounted/server.js"
                  runtime node
                  filesystem {
                    read "/srv/a"
                    write "/srv/b"
                    read "/srv/c"
                  }
                  network none
                  kubernetes {
                    image "registry.example.com/unmounted:1.0.0"
                    volume "/srv/c" claim c-data
                  }
                }
                """;
        Stockade.Outcome outcome = Stockade.compile(List.of(SourceFile.of("unmounted.stockade", policy)),
                List.of(KubernetesTarget.NAME));
        assertThat(outcome.diagnostics()).filteredOn(d -> d.message().contains("not mounted"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.span().line()).isEqualTo(11);
                    assertThat(d.message()).isEqualTo("kubernetes: 2 granted paths are not mounted: the kubernetes "
                            + "block names no volume for them, so the pod sees only its image there: \"/srv/a\", \"/srv/b\"");
                    assertThat(d.hint()).startsWith("name their sources: a volume \"PATH\" claim NAME");
                });
    }

    private static void check(ServerContext server, List<Mount> mounts) {
        KubernetesSettings settings = server.server().kubernetes().orElseThrow();
        FsGrants fs = ContainerPolicy.statementFilesystem(server.effective());
        Map<String, KubernetesVolume> sources = new LinkedHashMap<>();
        settings.volumes().forEach(v -> sources.put(v.path().value(), v));
        for (FsEntry entry : fs.entries()) {
            KubernetesVolume own = sources.get(entry.path());
            if (own != null && !entry.access().isDenied()) {
                Mount mount = mounts.stream().filter(m -> m.path().equals(entry.path())).findFirst().orElseThrow();
                assertThat(mount.subPath()).isEmpty();
                assertThat(mount.readOnly()).as(entry.path())
                        .isEqualTo(!entry.access().allows(FsMode.APPEND) || own.kind().readOnlyOnly());
                JsonNode source = switch (own.kind()) {
                    case CLAIM -> mount.volume().path("persistentVolumeClaim").path("claimName");
                    case CONFIG_MAP -> mount.volume().path("configMap").path("name");
                    case SECRET -> mount.volume().path("secret").path("secretName");
                    case HOST_PATH -> mount.volume().path("hostPath").path("path");
                };
                assertThat(source.asText()).as(entry.path()).isEqualTo(own.source().value());
            }
            for (String path : List.of(entry.path(), entry.path() + "/x")) {
                agrees(path, fs.modeOf(path), decide(path, mounts), sources, fs);
            }
        }
    }

    /** What the pod shows at {@code path}, against what the policy grants there. */
    private static void agrees(String path, Access access, Optional<Mount> mount, Map<String, KubernetesVolume> sources,
            FsGrants fs) {
        if (mount.isEmpty()) {
            assertThat(sources.keySet()).as("%s has no mount, so no named source above it", path)
                    .noneMatch(s -> (path + "/").startsWith(s + "/") && !fs.modeOf(s).isDenied());
            return;
        }
        if (access.isDenied()) {
            assertThat(mount.get().hidden()).as("%s is denied: only an empty directory may show there", path).isTrue();
            return;
        }
        assertThat(mount.get().hidden()).as("%s is granted but hidden", path).isFalse();
        boolean readOnlySource = mount.get().volume().has("secret") || mount.get().volume().has("configMap");
        assertThat(mount.get().readOnly()).as("readOnly at %s", path)
                .isEqualTo(!access.allows(FsMode.APPEND) || readOnlySource);
    }

    /** The longest mount point at or above {@code path}, as the runtime's mount table resolves it. */
    private static Optional<Mount> decide(String path, List<Mount> mounts) {
        return mounts.stream().filter(m -> path.equals(m.path()) || path.startsWith(m.path() + "/"))
                .filter(m -> !m.path().equals("/tmp"))
                .reduce((a, b) -> b.path().length() >= a.path().length() ? b : a);
    }

    private static String type(JsonNode volume) {
        List<String> fields = new ArrayList<>();
        volume.fieldNames().forEachRemaining(fields::add);
        fields.remove("name");
        return String.join(",", fields);
    }

    private static List<Mount> mounts(JsonNode deployment) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        List<Mount> mounts = new ArrayList<>();
        pod.path("containers").get(0).path("volumeMounts").forEach(m -> mounts.add(new Mount(m.path("mountPath").asText(),
                m.path("subPath").asText(""), m.path("readOnly").asBoolean(false), volumes.get(m.path("name").asText()))));
        assertThat(mounts.stream().map(Mount::path).distinct().count()).as("mount points are unique").isEqualTo(mounts.size());
        return mounts;
    }
}

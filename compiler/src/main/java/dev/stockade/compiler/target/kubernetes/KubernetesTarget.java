package dev.stockade.compiler.target.kubernetes;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.NetworkGrants;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.SecretNames;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.ServerTarget;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.Templates;
import dev.stockade.compiler.target.container.ContainerPolicy;
import dev.stockade.compiler.target.escape.CommentEscape;
import dev.stockade.compiler.target.escape.YamlEscape;
import dev.stockade.dsl.model.KubernetesSettings;
import dev.stockade.dsl.model.Label;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubernetes/<server>.yaml}: a ServiceAccount without an API token, a NetworkPolicy that
 * denies all ingress and allows exactly the policy's egress, and a hardened Deployment. A server
 * without a {@code kubernetes { image }} is skipped with {@code target-skipped}: the image is the
 * one thing the target cannot choose. What a pod cannot express is reported by {@link PodLowering}.
 */
public final class KubernetesTarget implements ServerTarget {

    public static final String NAME = "kubernetes";
    /** The label that selects a server's pods; its value is always the server name. */
    static final String NAME_LABEL = "app.kubernetes.io/name";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Artifact> compile(ServerContext server, TargetReport report) {
        Optional<KubernetesSettings> settings = server.server().kubernetes();
        Optional<Text> image = settings.flatMap(KubernetesSettings::image);
        if (image.isEmpty()) {
            report.skipped(NAME, server, settings.map(KubernetesSettings::span).orElse(server.server().name().span()),
                    "server \"" + server.name() + "\" names no container image, so no manifest is generated",
                    "add kubernetes { image \"REGISTRY/IMAGE:TAG\" } to deploy it to Kubernetes");
            return List.of();
        }
        String path = "kubernetes/" + server.name() + ".yaml";
        return List.of(Artifact.file(path, Templates.render("kubernetes/manifest.yaml.ftl",
                view(server, settings.get(), image.get(), path, report))));
    }

    private static ManifestView view(ServerContext server, KubernetesSettings settings, Text image, String path,
            TargetReport report) {
        String name = YamlEscape.string(server.name());
        String namespace = settings.namespace().map(n -> YamlEscape.string(n.value())).orElse("");
        String account = YamlEscape.string(settings.serviceAccount().map(Name::value).orElse(server.name()));
        NetworkGrants network = ContainerPolicy.statementNetwork(server.effective());
        List<ManifestView.Egress> egress = EgressRules.of(network, network.rules())
                .stream().map(KubernetesTarget::egress).toList();
        PodLowering pod = PodLowering.lower(server, report);
        VolumeLowering.Result volumes = VolumeLowering.lower(server, settings, report);
        int uid = uid(settings);
        int gid = gid(settings);
        return new ManifestView(Header.of(server), about(server, settings, path), name, namespace,
                labels(server, settings, report), List.of(selector(server)), account, egress,
                server.effective().dns().isPresent(), YamlEscape.string(image.value()), uid, gid,
                volumes.hasSources() ? gid : 0, pod.limits(), name,
                SecretNames.of(server).stream().map(YamlEscape::string).toList(),
                volumes.mounts(), volumes.volumes());
    }

    /** {@code run-as-user}, else the documented default. */
    static int uid(KubernetesSettings settings) {
        return settings.runAsUser().map(c -> (int) c.value()).orElse(ContainerPolicy.DEFAULT_UID);
    }

    /** {@code run-as-group}, else the uid: a user's own group. */
    static int gid(KubernetesSettings settings) {
        return settings.runAsGroup().map(c -> (int) c.value()).orElse(uid(settings));
    }

    private static List<String> about(ServerContext server, KubernetesSettings settings, String path) {
        String namespace = settings.namespace().map(Name::value).orElse("NAMESPACE");
        List<String> lines = new ArrayList<>(List.of(
                "Apply: kubectl apply" + (settings.namespace().isPresent() ? "" : " -n NAMESPACE") + " -f " + path,
                "The pods run as " + (uid(settings) == gid(settings) ? "uid and gid " + uid(settings)
                        : "uid " + uid(settings) + " and gid " + gid(settings))
                        + "; the NetworkPolicy needs a network plugin that enforces egress policies."));
        if (!SecretNames.of(server).isEmpty()) {
            lines.add("Create Secret \"" + server.name() + "\" in namespace \"" + namespace
                    + "\" with one key per variable first: this file names the keys, never the values.");
        }
        return lines.stream().map(CommentEscape::line).toList();
    }

    private static ManifestView.Entry selector(ServerContext server) {
        return new ManifestView.Entry(YamlEscape.string(NAME_LABEL), YamlEscape.string(server.name()));
    }

    /** The server's name label first, then the block's labels in the order written. */
    private static List<ManifestView.Entry> labels(ServerContext server, KubernetesSettings settings, TargetReport report) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME_LABEL, server.name());
        for (Label label : settings.labels()) {
            if (label.key().value().equals(NAME_LABEL)) {
                if (!label.value().value().equals(server.name())) {
                    report.approximation(NAME, server, label.span(), "label \"" + NAME_LABEL
                                    + "\" keeps the server name: it selects the pods the NetworkPolicy confines",
                            "remove the label, or use another key such as app.kubernetes.io/instance");
                }
                continue;
            }
            labels.putIfAbsent(label.key().value(), label.value().value());
        }
        List<ManifestView.Entry> out = new ArrayList<>();
        labels.forEach((key, value) -> out.add(new ManifestView.Entry(YamlEscape.string(key), YamlEscape.string(value))));
        return out;
    }

    private static ManifestView.Egress egress(EgressRules.Rule rule) {
        List<ManifestView.Block> to = rule.blocks().stream().map(b -> new ManifestView.Block(cidr(b.cidr()),
                b.except().stream().map(KubernetesTarget::cidr).toList())).toList();
        List<ManifestView.Port> ports = rule.ports().stream().map(p -> new ManifestView.Port(
                p.protocol().keyword().toUpperCase(java.util.Locale.ROOT), p.port(),
                p.endPort() == p.port() ? 0 : p.endPort())).toList();
        return new ManifestView.Egress(to, ports);
    }

    private static String cidr(Cidr cidr) {
        return YamlEscape.string(cidr.network().text() + "/" + cidr.length());
    }
}

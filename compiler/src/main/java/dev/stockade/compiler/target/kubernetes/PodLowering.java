package dev.stockade.compiler.target.kubernetes;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.container.ContainerPolicy;
import dev.stockade.compiler.target.escape.YamlEscape;
import dev.stockade.dsl.model.Dns;
import dev.stockade.dsl.model.Filesystem;
import dev.stockade.dsl.model.Limits;
import dev.stockade.dsl.model.Loopback;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of the policy a pod spec holds or cannot hold: resource limits, and a
 * {@code target-approximation} for each statement Kubernetes does not enforce as written.
 */
record PodLowering(List<ManifestView.Entry> limits) {

    private static final long MIB = 1024L * 1024L;

    static PodLowering lower(ServerContext server, TargetReport report) {
        reportFilesystem(server, report);
        reportNetwork(server, report);
        reportSecrets(server, report);
        List<ManifestView.Entry> limits = new ArrayList<>();
        server.server().limits().ifPresent(l -> {
            l.memory().ifPresent(m -> limits.add(entry("memory", memory(m.bytes()))));
            l.cpu().ifPresent(c -> limits.add(entry("cpu", c.value() * 10 + "m")));
            reportLimits(server, l, report);
        });
        return new PodLowering(List.copyOf(limits));
    }

    /** Whole mebibytes as {@code Mi}, anything else in bytes. */
    static String memory(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + "Mi" : Long.toString(bytes);
    }

    private static ManifestView.Entry entry(String key, String value) {
        return new ManifestView.Entry(key, YamlEscape.string(value));
    }

    /** The grants are {@link VolumeLowering}'s; what remains is the file size limit. */
    private static void reportFilesystem(ServerContext server, TargetReport report) {
        server.server().filesystem().flatMap(Filesystem::maxFileSize).ifPresent(size -> report.approximation(
                KubernetesTarget.NAME, server, size.span(),
                "max-file-size is not enforced: a pod spec has no file size limit",
                "the systemd and bubblewrap targets enforce it; bound the writable volumes' size instead"));
    }

    private static void reportNetwork(ServerContext server, TargetReport report) {
        Optional<NetworkRules> rules = server.server().network()
                .filter(NetworkRules.class::isInstance).map(NetworkRules.class::cast);
        rules.flatMap(NetworkRules::dns).map(Dns::span).ifPresent(span -> report.approximation(
                KubernetesTarget.NAME, server, span,
                "the declared resolver is replaced by the cluster DNS: egress on UDP and TCP 53 goes only to the "
                        + "kube-dns pods in kube-system, which resolve for the pod",
                "point the cluster DNS's upstream at the declared resolver to keep the same answers"));
        rules.flatMap(NetworkRules::loopback).map(Loopback::span).ifPresent(span -> report.approximation(
                KubernetesTarget.NAME, server, span,
                "loopback is the pod's own: it reaches only the pod's containers, on every port (a NetworkPolicy "
                        + "does not filter it), and never the node's loopback",
                "run the service the server needs as a container of the same pod, or grant its address instead"));
    }

    private static void reportSecrets(ServerContext server, TargetReport report) {
        for (Vault vault : ContainerPolicy.vaults(server)) {
            report.approximation(KubernetesTarget.NAME, server, vault.span(),
                    "Vault credentials are read from keys of Secret \"" + server.name()
                            + "\": Kubernetes does not fetch them from Vault, and the ttl is not applied",
                    "sync the Secret from Vault (for example with the Vault Secrets Operator) with the same ttl");
        }
    }

    private static void reportLimits(ServerContext server, Limits limits, TargetReport report) {
        limits.tasks().ifPresent(tasks -> report.approximation(KubernetesTarget.NAME, server, tasks.span(),
                "tasks is not enforced: a pod spec has no process limit (the kubelet's podPidsLimit is per node)",
                "set the kubelet's podPidsLimit on the nodes that run the server"));
        limits.openFiles().ifPresent(files -> report.approximation(KubernetesTarget.NAME, server, files.span(),
                "open-files is not enforced: a pod spec has no file descriptor limit",
                "the container runtime's default RLIMIT_NOFILE applies; set it in the image's entrypoint"));
    }
}

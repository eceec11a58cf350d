package dev.stockade.compiler.target.compose;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.SecretNames;
import dev.stockade.compiler.target.Templates;
import dev.stockade.compiler.target.container.ContainerPolicy;
import dev.stockade.compiler.target.escape.CommentEscape;
import dev.stockade.compiler.target.escape.YamlEscape;
import dev.stockade.dsl.model.ComposeSettings;
import dev.stockade.dsl.model.Filesystem;
import dev.stockade.dsl.model.Limits;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.model.Vault;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One compose service: the hardening every service gets, and what this server's policy adds. */
final class ServiceLowering {

    private ServiceLowering() {
    }

    /**
     * The service as far as the server alone decides it, made on the worker that resolved the
     * server (its volumes, rendered there, are the largest part of a service and smaller as text
     * than as views while the fleet waits for its file): everything but the network, which waits
     * for the fleet's subnets, and the resolver it would use. Nothing here reads the model again,
     * so a streamed compile can let the server go.
     */
    record Resolved(ComposeView.Service service, List<String> dns) {
    }

    static Resolved resolve(ServerContext server, TargetReport report) {
        ComposeSettings settings = server.server().compose().orElseThrow();
        report(server, report);
        List<ComposeView.Volume> volumes = ComposeVolumes.of(server, settings.mounts(), report);
        String rendered = volumes.isEmpty() ? ""
                : Templates.render("compose/volumes.yaml.ftl", new ComposeView.Volumes(volumes));
        boolean image = settings.image().isPresent();
        Text reference = image ? settings.image().get() : settings.build().orElseThrow();
        List<String> comments = new ArrayList<>();
        server.server().description().ifPresent(d -> comments.add(CommentEscape.line(d.value())));
        Optional<Limits> limits = server.server().limits();
        List<ComposeView.Ulimit> ulimits = new ArrayList<>();
        limits.flatMap(Limits::openFiles).ifPresent(n -> ulimits.add(new ComposeView.Ulimit("nofile", n.value())));
        server.server().filesystem().flatMap(Filesystem::maxFileSize)
                .ifPresent(s -> ulimits.add(new ComposeView.Ulimit("fsize", s.bytes())));
        ComposeView.Service service = new ComposeView.Service(YamlEscape.string(server.name()), comments,
                image ? "image" : "build", YamlEscape.string(reference.value()),
                YamlEscape.string(ContainerPolicy.DEFAULT_UID + ":" + ContainerPolicy.DEFAULT_UID), rendered,
                SecretNames.of(server).stream().map(YamlEscape::string).toList(),
                limits.flatMap(Limits::memory).map(m -> Long.toString(m.bytes())).orElse(""),
                limits.flatMap(Limits::cpu).map(c -> cpus(c.value())).orElse(""),
                limits.flatMap(Limits::tasks).map(t -> t.value()).orElse(0L), ulimits, List.of(), List.of());
        return new Resolved(service,
                server.effective().dns().map(d -> List.of(YamlEscape.string(d.network().text()))).orElse(List.of()));
    }

    /** The service on its own network with its static addresses and resolver, or with no network. */
    static ComposeView.Service lower(Resolved resolved, Optional<Subnets.Subnet> subnet) {
        if (subnet.isEmpty()) {
            return resolved.service();
        }
        ComposeView.Service service = resolved.service();
        Subnets.Subnet s = subnet.get();
        return service.attached(resolved.dns(), List.of(new ComposeView.NetworkRef(service.name(),
                YamlEscape.string(s.addressV4().text()), YamlEscape.string(s.addressV6().text()))));
    }

    /** A percentage of one CPU as compose's decimal number of CPUs: 50% is 0.5, 200% is 2. */
    static String cpus(int percent) {
        return BigDecimal.valueOf(percent, 2).stripTrailingZeros().toPlainString();
    }

    private static void report(ServerContext server, TargetReport report) {
        server.server().network().filter(NetworkRules.class::isInstance).map(NetworkRules.class::cast)
                .flatMap(NetworkRules::loopback).ifPresent(loopback -> report.approximation(ComposeTarget.NAME, server,
                        loopback.span(), "loopback is the container's own: it reaches only the container itself, "
                                + "on every port, and never the host's loopback",
                        "run the service the server needs in the same container, or grant the host's address"));
        for (Vault vault : ContainerPolicy.vaults(server)) {
            report.approximation(ComposeTarget.NAME, server, vault.span(),
                    "Vault credentials pass through from the environment of docker compose: compose does not fetch "
                            + "them from Vault, and the ttl is not applied",
                    "fetch them before docker compose up (vault read) and export them under the same names");
        }
    }
}

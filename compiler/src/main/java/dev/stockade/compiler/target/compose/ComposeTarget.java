package dev.stockade.compiler.target.compose;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.NetworkGrants;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.Target;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.Templates;
import dev.stockade.compiler.target.container.ContainerPolicy;
import dev.stockade.compiler.target.escape.CommentEscape;
import dev.stockade.compiler.target.escape.YamlEscape;
import dev.stockade.dsl.model.ComposeSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code compose/compose.yaml} for every server with a {@code compose} block, and for each one with
 * network grants {@code compose/<server>.docker-user.iptables} and {@code .ip6tables}: compose
 * gives a service its own bridge network and a static address, and only those rules, loaded into
 * Docker's {@code DOCKER-USER} chain, confine what it reaches. A server without an image or build
 * is skipped with {@code target-skipped}.
 */
public final class ComposeTarget implements Target {

    public static final String NAME = "compose";
    static final String FILE = "compose/compose.yaml";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Artifact> compile(List<ServerContext> servers, TargetReport report) {
        List<ServerContext> included = new ArrayList<>();
        for (ServerContext server : servers) {
            Optional<ComposeSettings> settings = server.server().compose();
            if (settings.isPresent() && (settings.get().image().isPresent() || settings.get().build().isPresent())) {
                included.add(server);
                continue;
            }
            report.skipped(NAME, server, settings.map(ComposeSettings::span).orElse(server.server().name().span()),
                    "server \"" + server.name() + "\" names no image or build directory, so it has no compose service",
                    "add compose { image \"REGISTRY/IMAGE:TAG\" } (or build \"DIR\") to run it with docker compose");
        }
        if (included.isEmpty()) {
            return List.of();
        }
        included.sort(Comparator.comparing(ServerContext::name));
        // What leaves each container, resolved once: the subnets, the skip and the rules all read it.
        Map<ServerContext, NetworkGrants> egress = new IdentityHashMap<>();
        included.forEach(server -> egress.put(server, ContainerPolicy.withoutLoopback(server.effective())));
        List<String> networked = included.stream().filter(server -> networked(egress.get(server)))
                .map(ServerContext::name).toList();
        Map<String, Optional<Subnets.Subnet>> subnets =
                Subnets.allocate(networked, granted(included.stream().map(egress::get).toList()));
        List<Artifact> artifacts = new ArrayList<>();
        List<ComposeView.Service> services = new ArrayList<>();
        List<ComposeView.Network> networks = new ArrayList<>();
        for (ServerContext server : included) {
            Optional<Subnets.Subnet> subnet = subnets.getOrDefault(server.name(), Optional.empty());
            if (networked(egress.get(server)) && subnet.isEmpty()) {
                report.skipped(NAME, server, server.server().name().span(), "no free subnet is left in "
                        + Subnets.POOL_V4.text() + " for server \"" + server.name() + "\"", "split the compose file");
                continue;
            }
            services.add(ServiceLowering.lower(server, subnet, report));
            subnet.ifPresent(s -> {
                String name = YamlEscape.string(server.name());
                networks.add(new ComposeView.Network(name, YamlEscape.string(s.v4().text()),
                        YamlEscape.string(s.v6().text())));
                artifacts.addAll(rules(server, egress.get(server), s, report));
            });
        }
        List<String> about = List.of(
                "Run: docker compose -f " + FILE + " up -d, after loading each service's docker-user rules",
                "(compose/<server>.docker-user.iptables and .ip6tables): compose alone cannot filter egress.",
                "Services run as uid and gid " + ContainerPolicy.DEFAULT_UID + "; secrets pass through from the environment by name.");
        artifacts.add(0, Artifact.file(FILE, Templates.render("compose/compose.yaml.ftl", new ComposeView(
                Header.of(included), about.stream().map(CommentEscape::line).toList(), services, networks))));
        return artifacts;
    }

    /** Whether anything leaves the container's own network namespace (loopback stays inside). */
    static boolean networked(ServerContext server) {
        return networked(ContainerPolicy.withoutLoopback(server.effective()));
    }

    private static boolean networked(NetworkGrants egress) {
        return !egress.effective().isEmpty();
    }

    /**
     * Every address of the subnet pools that some included server may reach: no subnet may hold one.
     * Only the pools matter, so each grant is cut to them before the one sort-and-merge (a union
     * per server made this quadratic; sorting every grant of the fleet was most of what was left).
     */
    private static AddressSet granted(List<NetworkGrants> egress) {
        List<IpRange> ranges = new ArrayList<>();
        for (NetworkGrants grants : egress) {
            for (NetGrant grant : grants.effective()) {
                ranges.addAll(grant.addresses().intersect(Subnets.POOLS).ranges());
            }
        }
        return AddressSet.ofRanges(ranges);
    }

    private static List<Artifact> rules(ServerContext server, NetworkGrants grants, Subnets.Subnet subnet,
            TargetReport report) {
        String base = "compose/" + server.name() + ".docker-user.";
        report.approximation(NAME, server, server.server().network().orElseThrow().span(),
                "compose alone cannot filter egress: the grants hold only once " + base + "iptables and "
                        + base + "ip6tables are loaded into Docker's DOCKER-USER chain",
                "load both files as their header says, after Docker starts and before docker compose up");
        return List.of(
                Artifact.file(base + "iptables", Templates.render("compose/docker-user.iptables.ftl",
                        DockerUserLowering.lower(server, grants, subnet.addressV4(), base + "iptables"))),
                Artifact.file(base + "ip6tables", Templates.render("compose/docker-user.iptables.ftl",
                        DockerUserLowering.lower(server, grants, subnet.addressV6(), base + "ip6tables"))));
    }
}

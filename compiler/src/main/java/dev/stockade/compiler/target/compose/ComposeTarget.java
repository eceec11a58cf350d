package dev.stockade.compiler.target.compose;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.PackedGrants;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.check.Fanout;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.target.FleetTarget;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.Templates;
import dev.stockade.compiler.target.container.ContainerPolicy;
import dev.stockade.compiler.target.escape.CommentEscape;
import dev.stockade.compiler.target.escape.YamlEscape;
import dev.stockade.dsl.model.ComposeSettings;
import dev.stockade.dsl.model.Network;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
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
public final class ComposeTarget implements FleetTarget<ComposeTarget.Part> {

    public static final String NAME = "compose";
    static final String FILE = "compose/compose.yaml";

    /**
     * What compose keeps of one server with an image or a build directory ({@code null} for the
     * others): the grants that leave the container (packed: they are kept until the merge) and
     * the addresses of the subnet pools among them (cut out here, on the worker, so that the merge
     * need not unpack every server's grants to find them; almost always none), and the service's
     * resolved parts with their findings, reported only if the service is generated (a server left without a subnet is not),
     * and where the findings of the merge point: the server's name and its network block. The merge
     * reads nothing else of the server but its name and file.
     */
    public record Part(PackedGrants grants, List<IpRange> inPools, ServiceLowering.Resolved service, Findings findings, Span name,
            Optional<Span> network) {

        boolean networked() {
            return !grants.isEmpty();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Part part(ServerContext server, TargetReport report) {
        Optional<ComposeSettings> settings = server.server().compose();
        if (settings.isPresent() && (settings.get().image().isPresent() || settings.get().build().isPresent())) {
            Findings findings = new Findings();
            ServiceLowering.Resolved service = ServiceLowering.resolve(server, new TargetReport(findings));
            findings.pack();
            List<NetGrant> egress = egress(server);
            return new Part(PackedGrants.of(egress), inPools(egress), service, findings, server.server().name().span(),
                    server.server().network().map(Network::span));
        }
        report.skipped(NAME, server, settings.map(ComposeSettings::span).orElse(server.server().name().span()),
                "server \"" + server.name() + "\" names no image or build directory, so it has no compose service",
                "add compose { image \"REGISTRY/IMAGE:TAG\" } (or build \"DIR\") to run it with docker compose");
        return null;
    }

    @Override
    public List<Artifact> merge(List<ServerContext> servers, List<Part> parts, TargetReport report, Fanout fanout) {
        List<Integer> included = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (parts.get(i) != null) {
                included.add(i);
            }
        }
        if (included.isEmpty()) {
            return List.of();
        }
        included.sort(Comparator.comparing(i -> servers.get(i).name()));
        Map<String, Optional<Subnets.Subnet>> subnets = Subnets.allocate(included.stream()
                .filter(i -> parts.get(i).networked()).map(i -> servers.get(i).name()).toList(), granted(included, parts));
        List<ComposeView.Service> services = new ArrayList<>();
        List<ComposeView.Network> networks = new ArrayList<>();
        List<Filter> filters = new ArrayList<>();
        for (int i : included) {
            ServerContext server = servers.get(i);
            Part part = parts.get(i);
            Optional<Subnets.Subnet> subnet = subnets.getOrDefault(server.name(), Optional.empty());
            if (part.networked() && subnet.isEmpty()) {
                report.skipped(NAME, server, part.name(), "no free subnet is left in "
                        + Subnets.POOL_V4.text() + " for server \"" + server.name() + "\"", "split the compose file");
                continue;
            }
            report.include(part.findings());
            services.add(ServiceLowering.lower(part.service(), subnet));
            subnet.ifPresent(s -> {
                String name = YamlEscape.string(server.name());
                networks.add(new ComposeView.Network(name, YamlEscape.string(s.v4().text()),
                        YamlEscape.string(s.v6().text())));
                String base = "compose/" + server.name() + ".docker-user.";
                report.approximation(NAME, server, part.network().orElseThrow(),
                        "compose alone cannot filter egress: the grants hold only once " + base + "iptables and "
                                + base + "ip6tables are loaded into Docker's DOCKER-USER chain",
                        "load both files as their header says, after Docker starts and before docker compose up");
                filters.add(new Filter(server, part.grants(), s));
            });
        }
        List<Artifact> artifacts = new ArrayList<>();
        List<String> about = List.of(
                "Run: docker compose -f " + FILE + " up -d, after loading each service's docker-user rules",
                "(compose/<server>.docker-user.iptables and .ip6tables): compose alone cannot filter egress.",
                "Services run as uid and gid " + ContainerPolicy.DEFAULT_UID + "; secrets pass through from the environment by name.");
        artifacts.add(Artifact.file(FILE, Templates.render("compose/compose.yaml.ftl", new ComposeView(
                Header.of(included.stream().map(servers::get).toList()), about.stream().map(CommentEscape::line).toList(),
                services, networks))));
        // Each service's DOCKER-USER rules depend only on its grants and its subnet: rendered in parallel.
        fanout.map(filters, Filter::render).forEach(artifacts::addAll);
        return artifacts;
    }

    /** One service's egress filter to render: its server, its grants, its subnet. */
    private record Filter(ServerContext server, PackedGrants packed, Subnets.Subnet subnet) {

        List<Artifact> render() {
            String base = "compose/" + server.name() + ".docker-user.";
            List<NetGrant> grants = packed.grants();
            return List.of(
                    Artifact.file(base + "iptables", Templates.render("compose/docker-user.iptables.ftl",
                            DockerUserLowering.lower(server, grants, subnet.addressV4(), base + "iptables"))),
                    Artifact.file(base + "ip6tables", Templates.render("compose/docker-user.iptables.ftl",
                            DockerUserLowering.lower(server, grants, subnet.addressV6(), base + "ip6tables"))));
        }
    }

    /** What leaves the container's own network namespace (loopback stays inside). */
    private static List<NetGrant> egress(ServerContext server) {
        return ContainerPolicy.withoutLoopback(server.effective()).effective();
    }

    /** Whether anything leaves the container's own network namespace: {@link Part#networked()} of the server. */
    static boolean networked(ServerContext server) {
        return !egress(server).isEmpty();
    }

    /** The addresses of the subnet pools that {@code grants} reach, range by range: {@link Part#inPools()}. */
    private static List<IpRange> inPools(List<NetGrant> grants) {
        List<IpRange> ranges = new ArrayList<>();
        for (NetGrant grant : grants) {
            ranges.addAll(grant.addresses().intersect(Subnets.POOLS).ranges());
        }
        return ranges.isEmpty() ? List.of() : List.copyOf(ranges);
    }

    /**
     * Every address of the subnet pools that some included server may reach: no subnet may hold one.
     * Only the pools matter, so each grant is cut to them ({@link #inPools}) before the one
     * sort-and-merge (a union per server made this quadratic; sorting every grant of the fleet was
     * most of what was left).
     */
    private static AddressSet granted(List<Integer> included, List<Part> parts) {
        List<IpRange> ranges = new ArrayList<>();
        for (int i : included) {
            ranges.addAll(parts.get(i).inPools());
        }
        return AddressSet.ofRanges(ranges);
    }
}

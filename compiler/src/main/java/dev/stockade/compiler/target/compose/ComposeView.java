package dev.stockade.compiler.target.compose;

import java.util.List;

/**
 * {@code compose/compose.yaml}, every value final YAML text (user values are double-quoted scalars
 * from {@code YamlEscape.string}).
 */
public record ComposeView(List<String> header, List<String> about, List<Service> services, List<Network> networks) {

    public ComposeView {
        header = List.copyOf(header);
        about = List.copyOf(about);
        services = List.copyOf(services);
        networks = List.copyOf(networks);
    }

    /**
     * One service.
     *
     * @param source {@code image} or {@code build}; {@code reference} its quoted value
     * @param memLimit bytes, or empty; {@code cpus} a decimal, or empty; {@code pidsLimit} 0 for none
     * @param network the service's own network, or empty for {@code network_mode: none}
     */
    public record Service(
            String name,
            List<String> comments,
            String source,
            String reference,
            String user,
            String volumes,
            List<String> environment,
            String memLimit,
            String cpus,
            long pidsLimit,
            List<Ulimit> ulimits,
            List<String> dns,
            List<NetworkRef> network) {

        public Service {
            comments = List.copyOf(comments);
            environment = List.copyOf(environment);
            ulimits = List.copyOf(ulimits);
            dns = List.copyOf(dns);
            network = List.copyOf(network);
        }

        /** This service with a resolver and a network. */
        Service attached(List<String> withDns, List<NetworkRef> withNetwork) {
            return new Service(name, comments, source, reference, user, volumes, environment, memLimit, cpus,
                    pidsLimit, ulimits, withDns, withNetwork);
        }
    }

    /** The {@code volumes:} block of one service, rendered on its own (see {@link ServiceLowering.Resolved}). */
    public record Volumes(List<Volume> volumes) {

        public Volumes {
            volumes = List.copyOf(volumes);
        }
    }

    /** A bind mount ({@code source} quoted) or a tmpfs ({@code source} empty; {@code size} 0 for no limit). */
    public record Volume(String type, String source, String target, boolean readOnly, long size) {
    }

    /** {@code ulimits: NAME: {soft: N, hard: N}}. */
    public record Ulimit(String name, long value) {
    }

    /** The service's static addresses on its network, quoted. */
    public record NetworkRef(String name, String v4, String v6) {
    }

    /** A bridge network with a fixed IPv4 and IPv6 subnet, quoted. */
    public record Network(String name, String v4, String v6) {
    }
}

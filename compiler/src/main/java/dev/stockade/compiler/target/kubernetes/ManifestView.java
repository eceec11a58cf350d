package dev.stockade.compiler.target.kubernetes;

import java.util.List;

/**
 * One server's {@code kubernetes/<server>.yaml}, every value final YAML text: user values are
 * double-quoted scalars from {@code YamlEscape.string}, numbers are plain.
 *
 * @param namespace the quoted namespace, or empty to leave it to {@code kubectl apply -n}
 * @param labels every object's labels; {@code selector} the one that selects the server's pods
 * @param egress the NetworkPolicy's egress rules to addresses; {@code dns} adds the cluster DNS rule
 * @param limits {@code resources.limits} entries ({@code memory}, {@code cpu})
 * @param env secret variables, each from the key of the same name in Secret {@code secretName}
 * @param uid {@code runAsUser}; {@code gid} {@code runAsGroup}; {@code fsGroup} the pod's fsGroup, 0 for none
 * @param mounts the volume mounts after {@code /tmp}, parent before child; {@code volumes} their volumes
 */
public record ManifestView(
        List<String> header,
        List<String> about,
        String name,
        String namespace,
        List<Entry> labels,
        List<Entry> selector,
        String serviceAccount,
        List<Egress> egress,
        boolean dns,
        String image,
        int uid,
        int gid,
        int fsGroup,
        List<Entry> limits,
        String secretName,
        List<String> env,
        List<Mount> mounts,
        List<Volume> volumes) {

    public ManifestView {
        header = List.copyOf(header);
        about = List.copyOf(about);
        labels = List.copyOf(labels);
        selector = List.copyOf(selector);
        egress = List.copyOf(egress);
        limits = List.copyOf(limits);
        env = List.copyOf(env);
        mounts = List.copyOf(mounts);
        volumes = List.copyOf(volumes);
    }

    /** A volumeMount: {@code name}, {@code mountPath} and {@code subPath} quoted ({@code subPath} empty for none). */
    public record Mount(String name, String path, String subPath, boolean readOnly) {
    }

    /** A pod volume: {@code name} quoted, {@code type} the source's key, {@code fields} its entries (values final text). */
    public record Volume(String name, String type, List<Entry> fields) {
        public Volume {
            fields = List.copyOf(fields);
        }
    }

    /** {@code key: value}, the value final YAML text (quoted). */
    public record Entry(String key, String value) {
    }

    /** One egress rule: {@code to} ipBlocks and {@code ports}. */
    public record Egress(List<Block> to, List<Port> ports) {
        public Egress {
            to = List.copyOf(to);
            ports = List.copyOf(ports);
        }
    }

    /** {@code ipBlock: {cidr, except}}, CIDR text quoted. */
    public record Block(String cidr, List<String> except) {
        public Block {
            except = List.copyOf(except);
        }
    }

    /** {@code protocol}, {@code port} and, for a range, {@code endPort} (0 when a single port). */
    public record Port(String protocol, int port, int endPort) {
    }
}

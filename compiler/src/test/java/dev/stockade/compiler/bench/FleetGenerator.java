package dev.stockade.compiler.bench;

import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic fleet of realistic servers for the benchmark: server {@code i} depends only on
 * the seed and {@code i}, so a fleet of 1,000 is the first tenth of a fleet of 10,000.
 *
 * <p>Each server has about 50 filesystem statements under its own tree (grants with denied
 * carve-outs, grants re-opened inside a deny, narrower grants inside a write, logs), about 50
 * network statements in the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
 * 2001:db8::/32: allows of /32, /28, /24, IPv6 /64 and /128, with denies carved out of them, port
 * lists and ranges, a resolver), secrets, limits, an audit block, settings for every target
 * (a Kubernetes and Compose image, a systemd unit name, a macOS label), its own user, and sometimes a
 * waiver. {@link FleetJson} writes the same fleet as MCP client configuration JSON.
 */
public final class FleetGenerator {

    /** Filesystem statements per server (the fs block also has a {@code max-file-size}). */
    public static final int FS_STATEMENTS = 50;
    /** Network statements per server, the loopback ports and the resolver included. */
    public static final int NET_STATEMENTS = 50;

    private static final String[] PROJECTS = {"billing", "search", "ledger", "catalog", "reports", "mailer",
        "orders", "images", "metrics", "wiki", "tickets", "crm"};
    private static final String[] PORTS = {"443", "80,443", "5432", "6379", "8000-8100", "22,8443", "9090-9099", "3306"};
    private static final String[] RUNTIMES = {"node", "python", "jvm", "native"};
    private static final String[] COMMANDS = {"\"/usr/bin/node\" \"APP/server.js\"", "\"/usr/bin/python3\" \"APP/server.py\"",
        "\"/usr/bin/java\" \"-jar\" \"APP/server.jar\"", "\"APP/bin/server\""};

    private final long seed;

    public FleetGenerator(long seed) {
        this.seed = seed;
    }

    /** The fleet as policy files of {@code perFile} servers each, named {@code fleet/fleet-0001.stockade}, .... */
    public List<SourceFile> files(int servers, int perFile) {
        List<SourceFile> files = new ArrayList<>();
        for (int start = 0; start < servers; start += perFile) {
            StringBuilder text = new StringBuilder("stockade 1\n");
            for (int i = start; i < Math.min(servers, start + perFile); i++) {
                text.append('\n');
                server(i, text);
            }
            String name = String.format(Locale.ROOT, "fleet/fleet-%04d.stockade", start / perFile + 1);
            files.add(SourceFile.of(name, text.toString()));
        }
        return files;
    }

    /**
     * One server with about {@code statements} filesystem and as many network statements (the
     * same shapes as a fleet server; past the first 50 network statements, IPv6 hosts), to see
     * how the cost grows with the rules of one server.
     */
    public SourceFile wideServer(int statements) {
        StringBuilder text = new StringBuilder("stockade 1\n\n");
        server(0, Math.max(statements, FS_STATEMENTS), false, text);
        return SourceFile.of("wide/wide-" + statements + ".stockade", text.toString());
    }

    /**
     * {@link #wideServer} with every IPv6 host beyond the first statements allowed on a port of
     * its own (1024, 1025, ...): as many distinct port sets as allows, the shape that made a
     * lowering over port pieces times grants quadratic (Kubernetes' egress rules until the
     * sixteenth round, docs/performance.md).
     */
    public SourceFile distinctPortsServer(int statements) {
        StringBuilder text = new StringBuilder("stockade 1\n\n");
        server(0, Math.max(statements, FS_STATEMENTS), true, text);
        return SourceFile.of("ports/ports-" + statements + ".stockade", text.toString());
    }

    /** Appends the text of server {@code index}. */
    void server(int index, StringBuilder out) {
        server(index, FS_STATEMENTS, false, out);
    }

    private void server(int index, int statements, boolean distinctPorts, StringBuilder out) {
        Random random = new Random(seed * 1_000_003L + index);
        String id = String.format(Locale.ROOT, "%05d", index);
        String root = "/srv/fleet/s" + id;
        String app = "/opt/fleet/s" + id;
        out.append("server fleet-s").append(id).append(" {\n");
        out.append("  description \"fleet server ").append(index).append(": tools for team ").append(index % 97).append("\"\n");
        int runtime = random.nextInt(RUNTIMES.length);
        out.append("  command ").append(COMMANDS[runtime].replace("APP", app)).append(" \"--port\" \"")
                .append(7000 + index % 1000).append("\"\n");
        out.append("  runtime ").append(RUNTIMES[runtime]).append('\n');
        out.append("  user svc-").append(id).append('\n');
        out.append("  group fleet-g").append(index % 50).append('\n');
        out.append("  workdir \"").append(app).append("\"\n");
        filesystem(root, id, random, statements, out);
        boolean waived = index % 10 == 3;
        network(random, waived, statements, distinctPorts, out);
        secrets(id, random, out);
        out.append("  limits {\n    timeout ").append(10 + random.nextInt(50)).append("s\n    retries ")
                .append(random.nextInt(4)).append("\n    memory ").append(128 << random.nextInt(4))
                .append("MiB\n    cpu ").append(25 * (1 + random.nextInt(4))).append("%\n    tasks 64\n    open-files 1024\n  }\n");
        out.append("  audit {\n    log \"/var/log/fleet/s").append(id).append("-audit.log\"\n")
                .append("    events file-access network-request command-execution auth-failure\n")
                .append("    rotate 100MiB keep 10\n  }\n");
        targets(index, id, out);
        if (waived) {
            out.append("  accept net-redundant because \"the gateway host is listed on its own for the runbook\"\n");
        }
        out.append("}\n");
    }

    /**
     * Projects under the server's own tree, six statements each: sources and tests to read with a
     * denied private part and a public sub-tree re-opened inside it, output to write with a
     * read-only reports folder, and tools to execute; two logs to append make up the rest.
     */
    private static void filesystem(String root, String id, Random random, int statements, StringBuilder out) {
        out.append("  filesystem {\n");
        int written = 0;
        for (int p = 0; written + 6 <= statements - 2; p++) {
            String project = root + "/" + PROJECTS[random.nextInt(PROJECTS.length)] + "-" + p;
            String module = "/module-" + random.nextInt(100);
            out.append("    read \"").append(project).append("/src\" \"").append(project).append("/tests").append(module)
                    .append("\"\n");
            out.append("    deny \"").append(project).append("/src/private\"\n");
            out.append("    read \"").append(project).append("/src/private/public").append(module).append("\"\n");
            out.append("    write \"").append(project).append("/out\"\n");
            out.append("    read \"").append(project).append("/out/reports\"\n");
            out.append("    execute \"").append(project).append("/bin\"\n");
            written += 6;
        }
        while (written < statements) {
            out.append("    append \"/var/log/fleet/s").append(id).append('-').append(written).append(".log\"\n");
            written++;
        }
        out.append("    max-file-size ").append(1 + random.nextInt(64)).append("MiB\n  }\n");
    }

    /**
     * Allows of hosts, /28 and /24 prefixes and IPv6 prefixes with denies carved out of them; a
     * deny never shares its prefix with an allow (that would be a conflict, not a carve-out). With
     * {@code redundant}, one host is allowed again inside the /24 (a {@code net-redundant} finding
     * the server waives). With {@code distinctPorts}, the IPv6 hosts beyond {@link #NET_STATEMENTS}
     * each get a port of their own.
     */
    private static void network(Random random, boolean redundant, int statements, boolean distinctPorts, StringBuilder out) {
        out.append("  network {\n");
        Set<String> hosts = new HashSet<>();
        List<String> lines = new ArrayList<>();
        int v6 = random.nextInt(0x10000);
        // A /24 with a /28 and a host carved out.
        int net24 = random.nextInt(3);
        String base24 = new String[] {"192.0.2", "198.51.100", "203.0.113"}[net24];
        String ports24 = ports(random);
        lines.add("allow udp " + base24 + ".0/24 port " + ports24);
        lines.add("deny " + base24 + ".240/28");
        if (redundant) {
            lines.add("allow udp " + base24 + ".1 port " + ports24);
        }
        // /28 allows, each with one host denied inside.
        String base28 = net24 == 1 ? "192.0.2" : "198.51.100";
        for (int block = 0; block < 6; block++) {
            int first = 16 * block;
            lines.add("allow tcp " + base28 + "." + first + "/28 port " + ports(random));
            lines.add("deny " + base28 + "." + (first + 1 + random.nextInt(14)));
        }
        // IPv6: a /64 with a /112 carved out, and hosts re-opened inside the carve-out.
        String prefix6 = String.format(Locale.ROOT, "2001:db8:%x:%x::", v6, random.nextInt(0x10000));
        lines.add("allow tcp \"" + prefix6 + "/64\" port " + ports(random));
        lines.add("deny \"" + prefix6 + "1:0/112\"");
        for (int host = 0; host < 3; host++) {
            lines.add("allow tcp \"" + prefix6 + "1:" + Integer.toHexString(16 + host) + "\" port " + ports(random));
        }
        // Hosts outside those prefixes fill up the rest; local sidecar ports and the resolver end it.
        String hostNet = new String[] {"192.0.2", "198.51.100", "203.0.113"}[(net24 + 1 + random.nextInt(2)) % 3];
        while (lines.size() < NET_STATEMENTS - 2) {
            String host = hostNet + "." + (100 + random.nextInt(150));
            String protocol = random.nextInt(4) == 0 ? "udp" : "tcp";
            if (hosts.add(protocol + host)) {
                lines.add("allow " + protocol + " " + host + " port " + ports(random));
            }
        }
        for (int extra = 0; lines.size() < statements - 1; extra++) {
            lines.add("allow tcp \"2001:db8:ffff:" + Integer.toHexString(extra >> 16) + "::" + Integer.toHexString(extra & 0xffff)
                    + "\" port " + (distinctPorts ? Integer.toString(1024 + extra % 64_000) : ports(random)));
        }
        lines.add("loopback port 8080,9090");
        lines.add("dns " + base24 + ".53");
        lines.forEach(line -> out.append("    ").append(line).append('\n'));
        out.append("  }\n");
    }

    /** Settings for every target that takes some: an image for Kubernetes and Compose, names for systemd and macOS. */
    private static void targets(int index, String id, StringBuilder out) {
        String image = "registry.example.com/fleet/s" + id + ":1." + index % 10 + ".0";
        out.append("  kubernetes {\n    namespace fleet-ns-").append(index % 20).append("\n    image \"").append(image)
                .append("\"\n    service-account svc-").append(id).append("\n    labels { team = \"team-").append(index % 97)
                .append("\"; tier = \"mcp\" }\n  }\n");
        out.append("  compose {\n    image \"").append(image).append("\"\n  }\n");
        out.append("  systemd {\n    unit-name fleet-s").append(id).append("\n  }\n");
        out.append("  macos {\n    label \"com.example.fleet.s").append(id).append("\"\n  }\n");
    }

    private static String ports(Random random) {
        return PORTS[random.nextInt(PORTS.length)];
    }

    private static void secrets(String id, Random random, StringBuilder out) {
        out.append("  secrets {\n    env FLEET_TOKEN_").append(id).append(" LOG_LEVEL\n");
        out.append("    vault \"kv/fleet/s").append(id).append("/db\" role \"fleet-").append(id).append("\" ttl ")
                .append(1 + random.nextInt(12)).append("h {\n      DB_USER = username\n      DB_PASSWORD = password\n    }\n  }\n");
    }
}

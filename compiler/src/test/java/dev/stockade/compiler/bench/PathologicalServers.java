package dev.stockade.compiler.bench;

import dev.stockade.dsl.source.SourceFile;
import java.util.List;

/**
 * One server of {@code n} statements in a shape that made a check quadratic in the rules of one
 * server (docs/performance.md, "Worst cases"), for {@link CheckBenchmark}'s {@code bench.shape}:
 * <ul>
 *   <li>{@code dns53}: {@code n} hosts allowed udp port 53, apart from each other, and a resolver
 *       ({@code net-dns-broad} built the port-53 set again per allow);
 *   <li>{@code samepath}: {@code n/2} reads then {@code n/2} executes of one path (the grants of a
 *       path were compared pairwise);
 *   <li>{@code writeexec}: {@code n/2} paths each written and executed ({@code fs-write-exec}
 *       scanned every rule per finding);
 *   <li>{@code sameprefix}: {@code n/2} tcp allows on one /16, single ports alternating with
 *       {@code 80,443}, and {@code n/2} hosts under it allowed udp port 5000 (an allow was compared
 *       with every allow on its own and enclosing prefixes).
 * </ul>
 * and, in {@code NetSweep}, quadratic until the seventeenth round:
 * <ul>
 *   <li>{@code multiports}: {@code n} tcp allows on one /16 each of two ports ({@code 1000+i,40000+i}:
 *       distinct sets of several ranges, none wider than another; at most 24,000): the sets of
 *       several ranges were scanned per allow;
 *   <li>{@code hostsports}: {@code n/2} tcp allows of single ports apart ({@code 1000+2i}) on one
 *       /16 and {@code n/2} hosts under it allowed tcp port 999: each host's region got its own
 *       copy of the /16's port set merged with its own.
 * </ul>
 * Three more were found in the seventeenth round: {@code spanning}, {@code n} tcp allows on one /16
 * of ports {@code 1,K,65535} for distinct {@code K} (every set spans every other's ports, so the
 * search for a wider one stops at its bound and the allows are reported unchecked; at most
 * 65,000); {@code hostsown}, {@code hostsports} with each host allowed a port of its own
 * ({@code 1001+2i}, between the /16's): the canonical effective policy is hosts times ranges, so it
 * comes in layers; and {@code carved}, {@code n/2} tcp allows of single ports on one /16 and
 * {@code n/2} hosts in it denied: one grant of many address ranges and many ports, whose product
 * netfilter wrote out until its wide grants kept them apart. Every shape carries a Kubernetes and a
 * compose image, so that every target compiles it ({@code TargetGrowthBenchmark}).
 */
final class PathologicalServers {

    static final List<String> SHAPES = List.of("dns53", "samepath", "writeexec", "sameprefix", "multiports", "hostsports", "spanning", "hostsown", "carved");

    private PathologicalServers() {
    }

    static SourceFile of(String shape, int statements) {
        StringBuilder text = new StringBuilder("stockade 1\n\nserver pathological {\n  command \"/usr/bin/tool\"\n");
        switch (shape) {
            case "dns53" -> dns53(statements, text);
            case "samepath" -> samePath(statements, text);
            case "writeexec" -> writeExec(statements, text);
            case "sameprefix" -> samePrefix(statements, text);
            case "multiports" -> multiPorts(statements, text);
            case "hostsports" -> hostsPorts(statements, text, false);
            case "spanning" -> spanning(statements, text);
            case "hostsown" -> hostsPorts(statements, text, true);
            case "carved" -> carved(statements, text);
            default -> throw new IllegalArgumentException("bench.shape must be fleet, wide or one of " + SHAPES + ": " + shape);
        }
        // Images, so that the container targets compile it too (TargetGrowthBenchmark).
        text.append("  kubernetes { image \"registry.example.com/pathological:1\" }\n")
                .append("  compose { image \"registry.example.com/pathological:1\" }\n");
        return SourceFile.of(shape + "/" + shape + "-" + statements + ".stockade", text.append("}\n").toString());
    }

    private static void dns53(int statements, StringBuilder text) {
        text.append("  network {\n");
        for (int i = 0; i < statements; i++) {
            text.append("    allow udp ").append(ipv4(0x0A00_0000 + 2 * i)).append(" port 53\n");
        }
        text.append("    dns 10.255.255.53\n  }\n");
    }

    private static void samePath(int statements, StringBuilder text) {
        text.append("  filesystem {\n");
        for (int i = 0; i < statements; i++) {
            text.append(i < statements / 2 ? "    read" : "    execute").append(" \"/srv/data\"\n");
        }
        text.append("  }\n");
    }

    private static void writeExec(int statements, StringBuilder text) {
        text.append("  filesystem {\n");
        for (int i = 0; i < statements / 2; i++) {
            text.append("    write \"/srv/w").append(i).append("\"\n    execute \"/srv/w").append(i).append("\"\n");
        }
        text.append("  }\n");
    }

    private static void samePrefix(int statements, StringBuilder text) {
        text.append("  network {\n");
        for (int i = 0; i < statements / 2; i++) {
            text.append("    allow tcp 10.0.0.0/16 port ").append(i % 2 == 0 ? String.valueOf(1000 + i / 2) : "80,443").append('\n');
        }
        for (int i = 0; i < statements / 2; i++) {
            text.append("    allow udp ").append(ipv4(0x0A00_0000 + 2 * i + 1)).append(" port 5000\n");
        }
        text.append("  }\n");
    }

    private static void multiPorts(int statements, StringBuilder text) {
        text.append("  network {\n");
        for (int i = 0; i < statements; i++) {
            text.append("    allow tcp 10.0.0.0/16 port ").append(1000 + i).append(',').append(40000 + i).append('\n');
        }
        text.append("  }\n");
    }

    private static void carved(int statements, StringBuilder text) {
        text.append("  network {\n");
        for (int i = 0; i < statements / 2; i++) {
            text.append("    allow tcp 10.0.0.0/16 port ").append(1000 + 2 * i).append('\n');
        }
        for (int i = 0; i < statements / 2; i++) {
            text.append("    deny ").append(ipv4(0x0A00_0000 + 2 * i + 1)).append('\n');
        }
        text.append("  }\n");
    }

    private static void spanning(int statements, StringBuilder text) {
        text.append("  network {\n");
        for (int i = 0; i < statements; i++) {
            text.append("    allow tcp 10.0.0.0/16 port 1,").append(2 + i).append(",65535\n");
        }
        text.append("  }\n");
    }

    private static void hostsPorts(int statements, StringBuilder text, boolean ownPorts) {
        text.append("  network {\n");
        for (int i = 0; i < statements / 2; i++) {
            text.append("    allow tcp 10.0.0.0/16 port ").append(1000 + 2 * i).append('\n');
        }
        for (int i = 0; i < statements / 2; i++) {
            text.append("    allow tcp ").append(ipv4(0x0A00_0000 + 2 * i + 1)).append(" port ").append(ownPorts ? 1001 + 2 * i : 999).append('\n');
        }
        text.append("  }\n");
    }

    private static String ipv4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }
}

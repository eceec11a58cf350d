package dev.stockade.compiler.effective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.Protocol;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public queries against brute-force oracles, on random small policies written as
 * {@code .stockade} text: parse, resolve, and compare every answer with an evaluator over the
 * written statements that follows {@code package-info.java} literally. Fixed seeds, so a failure
 * reproduces; the failing policy text is in the assertion message.
 */
class EffectivePolicyPropertiesTest {

    private static final String[] MODES = {"read", "write", "append", "execute", "deny"};
    private static final String[] SEGMENTS = {"a", "b", "c"};

    // ---- network ------------------------------------------------------------------------------

    /** One written network statement over 192.0.2.0/24: last octet of the prefix, its length, ports 1..8 or 53. */
    private record NetStatement(boolean allow, Protocol protocol, int base, int length, BitSet ports) {

        boolean contains(int host) {
            int size = 1 << (32 - length);
            return host >= base && host < base + size;
        }
    }

    @Test
    void mayReachAgreesWithTheWrittenStatements() {
        Random random = new Random(20261127L);
        for (int round = 0; round < 400; round++) {
            List<NetStatement> statements = new ArrayList<>();
            StringBuilder text = new StringBuilder("server p {\n  command \"/usr/bin/x\"\n  network {\n");
            int count = 1 + random.nextInt(7);
            for (int i = 0; i < count; i++) {
                NetStatement statement = randomNet(random);
                statements.add(statement);
                text.append("    ").append(netText(statement)).append('\n');
            }
            if (random.nextInt(4) == 0) {
                int resolver = random.nextInt(256);
                text.append("    dns 192.0.2.").append(resolver).append('\n');
                BitSet dnsPort = new BitSet();
                dnsPort.set(53);
                for (Protocol protocol : Protocol.values()) {
                    statements.add(new NetStatement(true, protocol, resolver, 32, dnsPort));
                }
            }
            text.append("  }\n}\n");
            EffectivePolicy policy = resolve(text.toString());
            for (Protocol protocol : Protocol.values()) {
                for (int host = 0; host < 256; host++) {
                    Ip address = Ip.parse("192.0.2." + host).orElseThrow();
                    for (int port : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 53}) {
                        assertThat(policy.mayReach(protocol, address, port))
                                .as("%s 192.0.2.%d port %d in%n%s", protocol, host, port, text)
                                .isEqualTo(oracleReach(statements, protocol, host, port));
                    }
                }
                assertThat(policy.mayReach(protocol, Ip.parse("198.51.100.1").orElseThrow(), 1)).isFalse();
            }
        }
    }

    /**
     * Open iff some allow of that protocol and port contains the address and no deny containing
     * it has a prefix as long or longer than that allow's (so equal prefixes fail closed).
     */
    private static boolean oracleReach(List<NetStatement> statements, Protocol protocol, int host, int port) {
        for (NetStatement allow : statements) {
            if (!allow.allow() || allow.protocol() != protocol || !allow.ports().get(port) || !allow.contains(host)) {
                continue;
            }
            boolean denied = statements.stream()
                    .anyMatch(deny -> !deny.allow() && deny.contains(host) && deny.length() >= allow.length());
            if (!denied) {
                return true;
            }
        }
        return false;
    }

    private static NetStatement randomNet(Random random) {
        int length = 24 + random.nextInt(9);
        int size = 1 << (32 - length);
        int base = random.nextInt(256) / size * size;
        Protocol protocol = random.nextBoolean() ? Protocol.TCP : Protocol.UDP;
        BitSet ports = new BitSet();
        int ranges = 1 + random.nextInt(2);
        for (int i = 0; i < ranges; i++) {
            int low = 1 + random.nextInt(8);
            int high = Math.min(8, low + random.nextInt(3));
            ports.set(low, high + 1);
        }
        if (random.nextInt(6) == 0) {
            ports.set(53);
        }
        return new NetStatement(random.nextInt(3) > 0, protocol, base, length, ports);
    }

    private static String netText(NetStatement statement) {
        String prefix = "192.0.2." + statement.base() + (statement.length() == 32 && statement.base() % 2 == 1
                ? "" : "/" + statement.length());
        if (!statement.allow()) {
            return "deny " + prefix;
        }
        return "allow " + statement.protocol().keyword() + " " + prefix + " port " + portsText(statement.ports());
    }

    /** Ports as disjoint ranges, e.g. {@code 1-3,5,53}. */
    private static String portsText(BitSet ports) {
        List<String> parts = new ArrayList<>();
        for (int low = ports.nextSetBit(0); low >= 0; ) {
            int high = ports.nextClearBit(low) - 1;
            parts.add(low == high ? String.valueOf(low) : low + "-" + high);
            low = ports.nextSetBit(high + 1);
        }
        return String.join(",", parts);
    }

    // ---- filesystem ---------------------------------------------------------------------------

    private record FsStatement(String mode, String path) {
    }

    @Test
    void modeOfAgreesWithTheWrittenStatements() {
        Random random = new Random(42L);
        List<String> queries = queryPaths();
        for (int round = 0; round < 1000; round++) {
            List<FsStatement> statements = new ArrayList<>();
            // The program, a script argument and its directory (the implied workdir) are implied
            // read and execute, like written statements on their paths.
            boolean script = random.nextBoolean();
            List<String> code = script ? List.of("/usr/bin/node", "/d/a/s.js", "/d/a") : List.of("/usr/bin/x");
            for (String path : code) {
                statements.add(new FsStatement("read", path));
                statements.add(new FsStatement("execute", path));
            }
            String command = script ? "\"/usr/bin/node\" \"/d/a/s.js\"" : "\"/usr/bin/x\"";
            StringBuilder text = new StringBuilder("server p {\n  command " + command + "\n  filesystem {\n");
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                FsStatement statement = new FsStatement(MODES[random.nextInt(MODES.length)], randomPath(random));
                statements.add(statement);
                String written = random.nextInt(5) == 0 && !statement.path().equals("/") ? statement.path() + "/"
                        : statement.path();
                text.append("    ").append(statement.mode()).append(" \"").append(written).append("\"\n");
            }
            text.append("  }\n}\n");
            EffectivePolicy policy = resolve(text.toString());
            for (String query : queries) {
                assertThat(policy.modeOf(query).modes()).as("modeOf(%s) in%n%s", query, text)
                        .isEqualTo(oracleMode(statements, query));
            }
        }
    }

    /** The longest written path at or above the query decides alone: deny there denies, else its grants combine. */
    private static Set<FsMode> oracleMode(List<FsStatement> statements, String query) {
        String deciding = null;
        for (FsStatement statement : statements) {
            if (atOrAbove(statement.path(), query) && (deciding == null || statement.path().length() > deciding.length())) {
                deciding = statement.path();
            }
        }
        EnumSet<FsMode> modes = EnumSet.noneOf(FsMode.class);
        if (deciding == null) {
            return modes;
        }
        for (FsStatement statement : statements) {
            if (statement.path().equals(deciding)) {
                if (statement.mode().equals("deny")) {
                    return EnumSet.noneOf(FsMode.class);
                }
                modes.add(FsMode.valueOf(statement.mode().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return modes;
    }

    /** Whole segments: "/d/a" is above "/d/a/b" but not above "/d/ab". */
    private static boolean atOrAbove(String path, String query) {
        return path.equals("/") || query.equals(path) || query.startsWith(path + "/");
    }

    /** /, /d, and /d/... up to three more segments; sometimes a one-letter sibling like /d/ab. */
    private static String randomPath(Random random) {
        if (random.nextInt(20) == 0) {
            return "/";
        }
        StringBuilder path = new StringBuilder("/d");
        int depth = random.nextInt(4);
        for (int i = 0; i < depth; i++) {
            path.append('/').append(SEGMENTS[random.nextInt(2)]);
            if (random.nextInt(8) == 0) {
                path.append(SEGMENTS[random.nextInt(2)]);
            }
        }
        return path.toString();
    }

    private static List<String> queryPaths() {
        List<String> queries = new ArrayList<>(List.of("/", "/e", "/dd", "/usr", "/usr/bin", "/usr/bin/x", "/usr/bin/x/y",
                "/usr/bin/node", "/d/a/s.js", "/d/a/s.js/z", "/d/a/s"));
        List<String> level = List.of("/d");
        for (int depth = 0; depth <= 4; depth++) {
            queries.addAll(level);
            List<String> next = new ArrayList<>();
            for (String parent : level) {
                for (String segment : SEGMENTS) {
                    next.add(parent + "/" + segment);
                }
                next.add(parent + "/ab");
            }
            level = next;
        }
        return queries;
    }

    private static EffectivePolicy resolve(String text) {
        ParseResult parsed = PolicyParser.parse(SourceFile.of("random.stockade", text));
        assertThat(parsed.diagnostics()).as("the generated policy must parse:%n%s", text).isEmpty();
        Server server = parsed.policies().servers().get(0);
        return EffectivePolicy.resolve(server);
    }
}

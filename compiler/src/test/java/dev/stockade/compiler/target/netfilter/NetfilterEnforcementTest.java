package dev.stockade.compiler.target.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules enforce the policy: in a fresh namespace with the policy's documentation and loopback
 * addresses on a veth pair and listeners behind them, the server's user reaches every allow and
 * gets the admin-prohibited error (EHOSTUNREACH for IPv4, EACCES for IPv6; a UDP send fails with
 * EPERM) from every deny, also at the edges of address and port ranges and of a carve-out, while
 * another user reaches everything. No packet leaves the namespace. The same for a policy the
 * compiler writes in layers (see {@code NetworkGrants.layered}): a prefix's ports once and each
 * host's own port beside them, where canonical entries would repeat the prefix's 300 ports per host.
 */
class NetfilterEnforcementTest {

    static final Path POLICY = NetfilterLoadTest.OWN_CASES.resolve("enforce.stockade");
    static final String SERVER_USER = "stk-enforce";
    static final String OTHER_USER = "stk-other";
    static final String PYTHON = "/usr/bin/python3";

    /** Destination and what the server's user gets; every one but the first refusal has a listener. */
    static final Map<String, String> EXPECTED = expected();

    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tcp:192.0.2.10:443", "OK");
        m.put("tcp:192.0.2.10:8443", "ECONNREFUSED"); // allowed, nobody listening: refused by the host
        m.put("tcp:192.0.2.130:443", "OK"); // re-opened inside the carve-out
        m.put("tcp:192.0.2.130:8443", "EHOSTUNREACH"); // re-opened on 443 only
        m.put("tcp:192.0.2.200:443", "EHOSTUNREACH"); // the carve-out
        m.put("tcp:198.51.100.20:443", "EHOSTUNREACH"); // allowed host, port not granted
        m.put("tcp:198.51.100.53:53", "OK"); // DNS over TCP to the resolver
        m.put("tcp:198.51.100.53:80", "EHOSTUNREACH");
        m.put("tcp:2001:db8::10:443", "OK");
        m.put("tcp:2001:db8::10:8443", "EACCES");
        m.put("tcp:2001:db8::bad:443", "EACCES"); // IPv6 carve-out
        m.put("tcp:2001:db8::bac:443", "OK"); // the last address below it
        m.put("tcp:2001:db8::bae:443", "OK"); // the first above it
        m.put("tcp:203.0.113.10:999", "EHOSTUNREACH"); // just below the port range
        m.put("tcp:203.0.113.10:1000", "OK");
        m.put("tcp:203.0.113.10:2000", "OK");
        m.put("tcp:203.0.113.10:2001", "EHOSTUNREACH"); // just above it
        m.put("tcp:203.0.113.76:1500", "OK"); // the last address below the carved-out host
        m.put("tcp:203.0.113.77:1500", "EHOSTUNREACH"); // the host carved out of the allowed range
        m.put("tcp:203.0.113.78:2000", "OK"); // the first above it
        m.put("udp:203.0.113.10:6001", "OK");
        m.put("udp:203.0.113.10:6002", "EPERM");
        m.put("udp:203.0.113.77:6000", "EPERM");
        m.put("tcp:127.0.0.1:8080", "OK");
        m.put("tcp:127.0.0.1:9090", "EHOSTUNREACH"); // loopback, port not declared
        m.put("tcp:::1:8080", "OK");
        m.put("tcp:::1:9090", "EACCES");
        m.put("udp:198.51.100.20:5353", "OK");
        m.put("udp:198.51.100.53:53", "OK"); // the declared resolver
        m.put("udp:198.51.100.20:5354", "EPERM");
        m.put("udp:192.0.2.10:53", "EPERM"); // DNS to another resolver
        return m;
    }

    /** The layered policy, its server's user, and what that user gets. */
    static final Path LAYERED = NetfilterLoadTest.OWN_CASES.resolve("layered.stockade");
    static final String LAYERED_USER = "stk-layered";
    static final Map<String, String> LAYERED_EXPECTED = layeredExpected();

    private static Map<String, String> layeredExpected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tcp:192.0.2.10:1000", "OK"); // the prefix's first port
        m.put("tcp:192.0.2.10:1598", "OK"); // its last
        m.put("tcp:192.0.2.10:1021", "OK"); // the host's own port, 1001 + 2 x 10
        m.put("tcp:192.0.2.10:1023", "EHOSTUNREACH"); // the next host's own port
        m.put("tcp:192.0.2.11:1023", "OK");
        m.put("tcp:192.0.2.10:999", "EHOSTUNREACH"); // below every port
        m.put("tcp:192.0.2.220:1000", "OK"); // a host with no allow of its own
        m.put("tcp:192.0.2.220:1021", "EHOSTUNREACH");
        m.put("tcp:192.0.2.250:1000", "EHOSTUNREACH"); // carved out of the prefix
        m.put("tcp:192.0.2.200:3000", "OK"); // the /26's own ports, a second wide layer over the /24's
        m.put("tcp:192.0.2.200:1000", "OK"); // the /24's, through the /26
        m.put("tcp:192.0.2.200:3001", "EHOSTUNREACH"); // in neither
        m.put("tcp:192.0.2.10:3000", "EHOSTUNREACH"); // the /26's port outside the /26
        return m;
    }

    /** Wide grants (addresses times ports would be 840 and 1,200 elements): each kept as its addresses and its ports. */
    static final Path WIDE = NetfilterLoadTest.OWN_CASES.resolve("wide.stockade");
    static final String WIDE_USER = "stk-wide";
    static final Map<String, String> WIDE_EXPECTED = wideExpected();

    private static Map<String, String> wideExpected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tcp:198.51.100.11:2000", "OK"); // between two carved hosts, the first port
        m.put("tcp:198.51.100.11:2078", "OK"); // the last port
        m.put("tcp:198.51.100.11:2001", "EHOSTUNREACH"); // a port between the granted ones
        m.put("tcp:198.51.100.12:2000", "EHOSTUNREACH"); // a carved host
        m.put("tcp:198.51.100.200:2040", "OK"); // above the carved hosts
        m.put("udp:198.51.100.11:2000", "EPERM"); // granted for tcp only
        m.put("tcp:203.0.113.10:2000", "OK"); // one of the hosts sharing the ports
        m.put("tcp:203.0.113.10:2080", "EHOSTUNREACH"); // just above the last port
        m.put("tcp:203.0.113.40:2000", "EHOSTUNREACH"); // the host after them
        return m;
    }

    @Test
    void wideIptablesRulesBlockTheServersUserOnly(@TempDir Path out) throws Exception {
        enforce(out, file -> !file.nft(), WIDE, WIDE_USER, WIDE_EXPECTED);
    }

    @Test
    void wideNftRulesBlockTheServersUserOnly(@TempDir Path out) throws Exception {
        enforce(out, LoadedFile::nft, WIDE, WIDE_USER, WIDE_EXPECTED);
    }

    /** Each wide grant is its addresses plus its ports, not their product: no file holds a product's 840 elements. */
    @Test
    void wideGrantsAreWrittenApart(@TempDir Path out) throws Exception {
        for (LoadedFile file : NetfilterLoadTest.generate(WIDE, out)) {
            String text = file.artifact().content();
            assertThat(text.lines().filter(line -> line.contains("2000")).count()).as(file.artifact().path()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void iptablesRulesBlockTheServersUserOnly(@TempDir Path out) throws Exception {
        enforce(out, file -> !file.nft(), POLICY, SERVER_USER, EXPECTED);
    }

    @Test
    void nftRulesBlockTheServersUserOnly(@TempDir Path out) throws Exception {
        enforce(out, LoadedFile::nft, POLICY, SERVER_USER, EXPECTED);
    }

    @Test
    void layeredIptablesRulesBlockTheServersUserOnly(@TempDir Path out) throws Exception {
        enforce(out, file -> !file.nft(), LAYERED, LAYERED_USER, LAYERED_EXPECTED);
    }

    @Test
    void layeredNftRulesBlockTheServersUserOnly(@TempDir Path out) throws Exception {
        enforce(out, LoadedFile::nft, LAYERED, LAYERED_USER, LAYERED_EXPECTED);
    }

    /** The layers keep the rules as small as the policy: canonical entries would hold 60,000 port ranges. */
    @Test
    void layeredRulesAreAsSmallAsThePolicy(@TempDir Path out) throws Exception {
        for (LoadedFile file : NetfilterLoadTest.generate(LAYERED, out)) {
            assertThat(file.artifact().content().length()).as(file.artifact().path()).isLessThan(64 * 1024);
        }
    }

    private static void enforce(Path out, Predicate<LoadedFile> which, Path policy, String user,
            Map<String, String> expected) throws Exception {
        List<LoadedFile> files = NetfilterLoadTest.generate(policy, out);
        assertThat(sysusersUser(policy)).as("the user the systemd target's sysusers file creates")
                .isEqualTo(user);
        List<Integer> ids = Netns.freeUids(2);
        Map<String, Integer> uids = Map.of(user, ids.get(0), OTHER_USER, ids.get(1));
        try (Netns ns = Netns.create()) {
            ns.users(uids);
            addresses(ns);
            for (LoadedFile file : files.stream().filter(which).toList()) {
                assertThat(file.user()).isEqualTo(user);
                ns.sh(out, file.load()).ok();
            }
            List<String> listening = expected.keySet().stream().filter(d -> !d.equals("tcp:192.0.2.10:8443")).toList();
            List<String> argv = new ArrayList<>(List.of(PYTHON, "-I", "-c", script("listen.py"), "120"));
            argv.addAll(listening);
            Process listener = ns.start(argv);
            try {
                awaitReady(listener);
                assertThat(connect(ns, uids.get(user), expected.keySet())).as("as the server's user").isEqualTo(expected);
                Map<String, String> other = new LinkedHashMap<>();
                expected.keySet().forEach(d -> other.put(d, listening.contains(d) ? "OK" : "ECONNREFUSED"));
                assertThat(connect(ns, uids.get(OTHER_USER), expected.keySet())).as("as an unrelated user").isEqualTo(other);
            } finally {
                Tool.stop(listener);
            }
        }
    }

    /**
     * lo, and a veth pair (both ends inside) holding the test policies' documentation addresses
     * (also NetfilterCostBenchmark's, with bench.shapes).
     */
    static void addresses(Netns ns) {
        String n = ns.name();
        Tool.run(Netns.TIMEOUT, List.of("ip", "-n", n, "link", "set", "lo", "up")).ok();
        Tool.run(Netns.TIMEOUT, List.of("ip", "-n", n, "link", "add", "stk0", "type", "veth", "peer", "name",
                "stk1")).ok();
        Tool.run(Netns.TIMEOUT, List.of("ip", "-n", n, "link", "set", "stk0", "up")).ok();
        Tool.run(Netns.TIMEOUT, List.of("ip", "-n", n, "link", "set", "stk1", "up")).ok();
        for (String address : List.of("192.0.2.10/24", "192.0.2.11/32", "192.0.2.130/32", "192.0.2.200/32",
                "192.0.2.220/32", "192.0.2.250/32", "198.51.100.20/24", "198.51.100.11/32", "198.51.100.12/32",
                "198.51.100.53/32", "198.51.100.200/32", "203.0.113.10/24", "203.0.113.40/32", "203.0.113.76/32",
                "203.0.113.77/32", "203.0.113.78/32")) {
            Tool.run(Netns.TIMEOUT, List.of("ip", "-n", n, "addr", "add", address, "dev", "stk0")).ok();
        }
        for (String address : List.of("2001:db8::10/64", "2001:db8::bad/128", "2001:db8::bac/128", "2001:db8::bae/128")) {
            Tool.run(Netns.TIMEOUT, List.of("ip", "-n", n, "addr", "add", address, "dev", "stk0", "nodad")).ok();
        }
    }

    private static Map<String, String> connect(Netns ns, int uid, Collection<String> destinations) throws IOException {
        List<String> argv = new ArrayList<>(List.of(PYTHON, "-I", "-c", script("connect.py")));
        argv.addAll(destinations);
        String printed = ns.execAs(uid, Duration.ofSeconds(90), argv).ok().out();
        Map<String, String> results = new LinkedHashMap<>();
        printed.lines().map(l -> l.split(" ")).forEach(f -> results.put(f[0], f[1]));
        return results;
    }

    private static void awaitReady(Process listener) throws InterruptedException, ExecutionException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            assertThat(line.get(20, TimeUnit.SECONDS)).as("listeners ready").isEqualTo("READY");
        } catch (TimeoutException e) {
            throw new AssertionError("listeners did not start within 20 s", e);
        }
    }

    /**
     * The user a host would create for this server: the {@code u} line of the sysusers file the
     * systemd target generates from the same policy, so the rules are tested against that name.
     */
    static String sysusersUser(Path policy) {
        Stockade.Outcome outcome = Golden.compile(policy, "systemd");
        String sysusers = outcome.artifacts().stream().filter(a -> a.path().endsWith(".sysusers.conf"))
                .map(Artifact::content).findFirst().orElseThrow();
        return sysusers.lines().filter(line -> line.startsWith("u ")).map(line -> line.split("\\s+")[1])
                .findFirst().orElseThrow();
    }

    /** A helper script as text, passed with -c so the server's user needs no access to files here. */
    private static String script(String name) throws IOException {
        return Files.readString(NetfilterLoadTest.OWN_CASES.resolve(name));
    }
}

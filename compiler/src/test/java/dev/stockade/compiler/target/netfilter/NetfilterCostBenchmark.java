package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Tool;
import dev.stockade.dsl.source.SourceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the generated rules cost the host that loads them (docs/performance.md): connect+close round
 * trips to a listener on 127.0.0.1, as an unrelated user and as one of a fleet's servers (whose
 * policy allows that loopback port), in four network namespaces created here, each with its own
 * listener and its users: no rules; conntrack alone (one {@code ct state} rule, the floor of any
 * rules that accept established traffic); the nft files of the fleet (default 1,000 servers, all in
 * one {@code nft -f -}, one transaction); its iptables files (one restore per file, one dispatch
 * jump per server). Each is loaded once, timed, before measuring. Then, block after block, each
 * namespace in turn measures each user for a number of round trips, so the drift of a shared
 * machine falls on all alike; reported per namespace and user: the median of the block medians,
 * the lowest and highest block median, and the ratio to no rules.
 *
 * <p>The listeners and the client run on one CPU ({@code taskset}): the last one unless
 * {@code -Dbench.cpu=N} names another, unpinned with {@code -Dbench.cpu=none}. Pinned, the round trip
 * no longer depends on whether the other CPU happens to be free (it is longer, since the two take
 * turns, and far steadier). A main, not a test; needs root, ip, nft, iptables, setpriv, taskset and
 * python3. Arguments: servers (1000), blocks (20), round trips per block (1000). Everything it
 * creates (namespaces, their passwd files, listeners, temp files) is removed, also on failure.
 *
 * <p>With {@code -Dbench.shapes=true} the rules also hold three of the enforcement test's servers
 * (a plain allowlist, a policy in layers and one with wide grants, {@link NetfilterEnforcementTest}),
 * and the round trips go to documentation addresses assigned in each namespace, each allowed to
 * the user measured: past the established-accept and the dispatch, through that server's allowlist
 * (a level of a layered policy, a wide grant's address and port sets), which a loopback round trip
 * never reaches.
 */
public final class NetfilterCostBenchmark {

    private static final int PORT = 8080;
    private static final int FIRST_UID = 200_000;
    private static final int WARM_UP = 200;
    private static final String UNRELATED = "stk-unrelated";
    /** With {@code -Dbench.shapes=true}: the enforcement test's servers added, and connections through their allowlists. */
    private static final boolean SHAPES = Boolean.getBoolean("bench.shapes");
    private static final List<Path> SHAPE_POLICIES = List.of(NetfilterEnforcementTest.POLICY, NetfilterEnforcementTest.LAYERED,
            NetfilterEnforcementTest.WIDE);
    private static final Duration LOAD = Duration.ofMinutes(10);
    /** The one rule every user's packets meet first: with it, conntrack tracks the namespace. */
    private static final String CONNTRACK_ONLY = "table inet stockade {\n\tchain output {\n"
            + "\t\ttype filter hook output priority filter; policy accept;\n"
            + "\t\tct state established,related accept\n\t}\n}\n";
    private static final String IPTABLES_LOAD = "for f in netfilter/*.iptables; do iptables-restore --noflush \"$f\" || exit 1; done"
            + " && for c in $(grep -h -o '^:STK-[0-9a-f]* ' netfilter/*.iptables | tr -d ':'); do"
            + " iptables -I OUTPUT 1 -j $c || exit 1; done";
    /** The CPU the listeners and the client share, or null: unpinned. */
    private static final String CPU = cpu(System.getProperty("bench.cpu",
            Integer.toString(Runtime.getRuntime().availableProcessors() - 1)));

    private NetfilterCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int perBlock = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path out = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "netfilter-cost-");
        try {
            run(servers, blocks, perBlock, out);
        } finally {
            Tool.deleteTree(out);
        }
    }

    /** Round trips measured as {@code user} to {@code host}:{@code port}, a column of the report named {@code label}. */
    private record Probe(String label, String user, String host, int port) {
        String destination() {
            return "tcp:" + host + ":" + port;
        }
    }

    private static void run(int servers, int blocks, int perBlock, Path out) throws Exception {
        List<SourceFile> files = new ArrayList<>(new FleetGenerator(42).files(servers, 100));
        if (SHAPES) {
            for (Path policy : SHAPE_POLICIES) {
                files.add(SourceFile.fromBytes(policy.getFileName().toString(), Files.readAllBytes(policy)));
            }
        }
        Stockade.Outcome outcome = Stockade.compile(files, List.of(NetfilterTarget.NAME));
        if (outcome.hasBlockingErrors()) {
            throw new IllegalStateException("the fleet does not compile");
        }
        Map<String, Integer> uids = new LinkedHashMap<>();
        for (Artifact artifact : outcome.artifacts()) {
            Tool.write(out.resolve(artifact.path()), artifact.content());
            uids.putIfAbsent(new LoadedFile(artifact).user(), FIRST_UID + uids.size());
        }
        String server = new ArrayList<>(uids.keySet()).get(servers / 2);
        uids.put(UNRELATED, FIRST_UID + uids.size());
        Tool.write(out.resolve("conntrack-only.nft"), CONNTRACK_ONLY);
        long nftBytes = outcome.artifacts().stream().filter(a -> a.path().endsWith(".nft")).mapToLong(a -> a.bytes().length).sum();
        List<Probe> probes = SHAPES ? List.of(
                new Probe("unrelated user", UNRELATED, "192.0.2.10", 443),
                new Probe("plain allowlist", NetfilterEnforcementTest.SERVER_USER, "192.0.2.10", 443),
                new Probe("layers: the prefix's port", NetfilterEnforcementTest.LAYERED_USER, "192.0.2.10", 1000),
                new Probe("layers: the host's own port", NetfilterEnforcementTest.LAYERED_USER, "192.0.2.10", 1021),
                new Probe("layers: the inner wide layer", NetfilterEnforcementTest.LAYERED_USER, "192.0.2.200", 3000),
                new Probe("wide grant", NetfilterEnforcementTest.WIDE_USER, "198.51.100.11", 2000))
                : List.of(new Probe("unrelated user", UNRELATED, "127.0.0.1", PORT), new Probe("server's user", server, "127.0.0.1", PORT));
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%,d servers%s (%.1f MiB of nft); %s; one namespace per row, each with its own "
                + "listener; %d blocks, each namespace in turn, of %,d connect+close per user after %d warm-up; median of "
                + "the block medians in microseconds (lowest and highest block median in brackets); %s",
                servers, SHAPES ? " and the enforcement test's " + SHAPE_POLICIES.size() : "", nftBytes / 1048576.0,
                CPU == null ? "unpinned (-Dbench.cpu=none)" : "listeners and client pinned to CPU " + CPU + " (taskset -c " + CPU + ")",
                blocks, perBlock, WARM_UP, String.join(", ", probes.stream().map(p -> p.label() + ": " + p.user() + " to "
                        + p.host() + ":" + p.port()).toList())));
        table.add("");
        StringBuilder header = new StringBuilder("| rules loaded | load s |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (Probe probe : probes) {
            header.append(' ').append(probe.label()).append(" | ratio |");
            rule.append("---:|---:|");
        }
        table.add(header.toString());
        table.add(rule.toString());
        try (Configuration none = Configuration.open("none", null, out, uids, probes);
                Configuration conntrack = Configuration.open("conntrack alone: one ct state rule", "nft -f conntrack-only.nft",
                        out, uids, probes);
                Configuration nft = Configuration.open("nft: verdict map, named sets", "cat netfilter/*.nft | nft -f -",
                        out, uids, probes);
                Configuration iptables = Configuration.open("iptables: one owner jump per server", IPTABLES_LOAD, out, uids, probes)) {
            List<Configuration> configurations = List.of(none, conntrack, nft, iptables);
            // The namespaces take turns block by block, so whatever else the machine runs meanwhile falls on all alike.
            for (int block = 1; block <= blocks; block++) {
                StringBuilder progress = new StringBuilder("block " + block + " of " + blocks + ", medians in microseconds:");
                for (Configuration configuration : configurations) {
                    progress.append(configuration.measureBlock(uids, perBlock));
                }
                System.err.println(progress);
            }
            for (Configuration configuration : configurations) {
                table.add(configuration.row(none));
            }
        }
        table.forEach(System.out::println);
        Path results = Files.createDirectories(Path.of("target/bench")).resolve(SHAPES ? "netfilter-cost-shapes.md" : "netfilter-cost.md");
        Files.write(results, table);
        System.out.println("wrote " + results);
    }

    /** One row of the report: a namespace with its rules loaded, its listener and its block medians per user. */
    private static final class Configuration implements AutoCloseable {

        private final String label;
        private final Netns ns;
        private final Process listener;
        /** Seconds the load took, or a negative number when nothing was loaded. */
        private final double loadSeconds;
        private final Map<Probe, List<Double>> blockMedians = new LinkedHashMap<>();

        private Configuration(String label, Netns ns, Process listener, double loadSeconds, List<Probe> probes) {
            this.label = label;
            this.ns = ns;
            this.listener = listener;
            this.loadSeconds = loadSeconds;
            probes.forEach(probe -> blockMedians.put(probe, new ArrayList<>()));
        }

        /**
         * A fresh namespace with {@code lo} up (and, with the shapes, the enforcement test's addresses), every user of {@code uids}, the rules
         * {@code load} (a shell line run in {@code out}, or null) loads, and a listener on every destination of
         * {@code probes}, the round trips it records.
         */
        static Configuration open(String label, String load, Path out, Map<String, Integer> uids, List<Probe> probes)
                throws IOException {
            Netns ns = Netns.create();
            Process listener = null;
            try {
                ns.users(uids);
                if (SHAPES) {
                    NetfilterEnforcementTest.addresses(ns);
                } else {
                    ns.exec("ip", "link", "set", "lo", "up").ok();
                }
                double loadSeconds = -1;
                if (load != null) {
                    long start = System.nanoTime();
                    ns.sh(out, load, LOAD).ok();
                    loadSeconds = (System.nanoTime() - start) / 1e9;
                }
                if (SHAPES) {
                    List<String> argv = new ArrayList<>(pinned("/usr/bin/python3", "-I", "-c", script("listen.py"), "3600"));
                    probes.stream().map(Probe::destination).distinct().forEach(argv::add);
                    listener = ns.start(argv);
                } else {
                    listener = ns.start(pinned("/usr/bin/python3", "-I", "-c", script("accept-loop.py"), Integer.toString(PORT), "3600"));
                }
                awaitReady(listener);
                return new Configuration(label, ns, listener, loadSeconds, probes);
            } catch (Throwable e) {
                if (listener != null) {
                    Tool.stop(listener);
                }
                closeQuietly(ns, e);
                throw e;
            }
        }

        /** One block: each probe's median round trip, recorded, and returned as text for the progress line. */
        String measureBlock(Map<String, Integer> uids, int roundTrips) throws IOException {
            StringBuilder printed = new StringBuilder();
            for (Map.Entry<Probe, List<Double>> probe : blockMedians.entrySet()) {
                double median = measure(uids.get(probe.getKey().user()), probe.getKey(), roundTrips);
                probe.getValue().add(median);
                printed.append(String.format(Locale.ROOT, " %.1f", median));
            }
            return printed.toString();
        }

        /**
         * The median round trip, in microseconds, of {@code roundTrips} to the probe's destination as user
         * {@code uid}; a connection the rules refuse fails the run.
         */
        private double measure(int uid, Probe probe, int roundTrips) throws IOException {
            Duration timeout = Duration.ofSeconds(60).plusMillis(20L * (WARM_UP + roundTrips));
            String printed = ns.execAs(uid, timeout, pinned("/usr/bin/python3", "-I", "-c", script("connect-loop.py"),
                    probe.host(), Integer.toString(probe.port()), Integer.toString(roundTrips))).ok().out();
            return Long.parseLong(printed.strip().split(" ")[0]) / 1000.0;
        }

        String row(Configuration none) {
            StringBuilder row = new StringBuilder("| ").append(label).append(" | ")
                    .append(loadSeconds < 0 ? "" : String.format(Locale.ROOT, "%.1f", loadSeconds)).append(" |");
            for (Map.Entry<Probe, List<Double>> probe : blockMedians.entrySet()) {
                List<Double> medians = probe.getValue();
                double median = median(medians);
                row.append(String.format(Locale.ROOT, " %.1f (%.1f-%.1f) | %.3f |", median, min(medians), max(medians),
                        median / median(none.blockMedians.get(probe.getKey()))));
            }
            return row.toString();
        }

        private static void closeQuietly(Netns ns, Throwable cause) {
            try {
                ns.close();
            } catch (RuntimeException | Error e) {
                cause.addSuppressed(e);
            }
        }

        @Override
        public void close() {
            try {
                Tool.stop(listener);
            } finally {
                ns.close();
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** {@code -Dbench.cpu}: a CPU number, or {@code none} for no pinning (null). */
    private static String cpu(String property) {
        if (property.equals("none")) {
            return null;
        }
        int cpu = Integer.parseInt(property);
        if (cpu < 0) {
            throw new IllegalArgumentException("-Dbench.cpu must be a CPU number or none: " + property);
        }
        return Integer.toString(cpu);
    }

    private static List<String> pinned(String... argv) {
        List<String> out = new ArrayList<>(CPU == null ? List.of() : List.of("taskset", "-c", CPU));
        out.addAll(List.of(argv));
        return out;
    }

    /** Waits (at most 30 seconds) for the listener's READY; stopping the listener ends a read still waiting. */
    private static void awaitReady(Process listener) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    return "cannot read: " + e.getMessage();
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the listener", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the listener did not start within 30 seconds", e);
        }
        if ("READY".equals(line)) {
            return;
        }
        String err = "";
        if (line == null && waitForExit(listener)) {
            err = "; stderr: " + new String(listener.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        throw new IllegalStateException("the listener did not start: " + line + err);
    }

    private static boolean waitForExit(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String script(String name) throws IOException {
        return Files.readString(NetfilterLoadTest.OWN_CASES.resolve(name));
    }
}

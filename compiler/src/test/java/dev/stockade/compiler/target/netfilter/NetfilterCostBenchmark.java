package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Tool;
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

/**
 * What the generated rules cost the host that loads them (docs/performance.md): the netfilter files
 * of a fleet (default 1,000 servers) loaded together into a network namespace created here, then
 * connect+close round trips to a listener on 127.0.0.1 in that namespace, as an unrelated user and
 * as one of the servers (whose policy allows that loopback port), median of many iterations,
 * against the same with no rules loaded before and after. nft files first (the shared table and
 * its verdict map; all files in one {@code nft -f -}, one transaction), then the iptables files
 * (one restore per file, one dispatch jump per server). Each round also measures the floor of any
 * rules that accept established traffic: one {@code ct state} rule alone, which makes the kernel
 * track every connection of the namespace. A main, not a test; needs root, ip, nft, iptables,
 * setpriv and python3. Arguments: servers (1000), iterations (5000), rounds (3). With
 * {@code -Dbench.cpu=N} the listener and the client both run on CPU N only ({@code taskset}): on a
 * shared machine their round trip then no longer depends on whether the other CPU happens to be
 * free (the round trip is longer, since the two take turns, and far steadier). Everything it
 * creates (namespace, its passwd files, listener, temp files) is removed.
 */
public final class NetfilterCostBenchmark {

    private static final int PORT = 8080;
    private static final int FIRST_UID = 200_000;
    private static final Duration LOAD = Duration.ofMinutes(10);
    /** The one rule every user's packets meet first: with it, conntrack tracks the namespace. */
    private static final String CONNTRACK_ONLY = "table inet stockade {\n\tchain output {\n"
            + "\t\ttype filter hook output priority filter; policy accept;\n"
            + "\t\tct state established,related accept\n\t}\n}\n";
    private static final List<String> PIN = System.getProperty("bench.cpu") == null ? List.of()
            : List.of("taskset", "-c", System.getProperty("bench.cpu"));

    private NetfilterCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path out = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "netfilter-cost-");
        try {
            run(servers, iterations, rounds, out);
        } finally {
            Tool.deleteTree(out);
        }
    }

    private static void run(int servers, int iterations, int rounds, Path out) throws Exception {
        Stockade.Outcome outcome = Stockade.compile(new FleetGenerator(42).files(servers, 100), List.of(NetfilterTarget.NAME));
        if (outcome.hasBlockingErrors()) {
            throw new IllegalStateException("the fleet does not compile");
        }
        Map<String, Integer> uids = new LinkedHashMap<>();
        for (Artifact artifact : outcome.artifacts()) {
            Path file = out.resolve(artifact.path());
            Files.createDirectories(file.getParent());
            Files.writeString(file, artifact.content());
            uids.putIfAbsent(new LoadedFile(artifact).user(), FIRST_UID + uids.size());
        }
        String server = new ArrayList<>(uids.keySet()).get(uids.size() / 2);
        uids.put("stk-unrelated", FIRST_UID + uids.size());
        long nftBytes = outcome.artifacts().stream().filter(a -> a.path().endsWith(".nft")).mapToLong(a -> a.bytes().length).sum();
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%,d servers (%.1f MiB of nft), %,d connect+close per measurement after 200 warm-up, "
                + "%d rounds; medians in microseconds (90th percentile in brackets); measured server user %s%s", servers,
                nftBytes / 1048576.0, iterations, rounds, server,
                PIN.isEmpty() ? "" : "; listener and client on CPU " + System.getProperty("bench.cpu") + " only"));
        table.add("");
        table.add("| rules loaded | load s | unrelated user | ratio | server's user | ratio |");
        table.add("|---|---:|---:|---:|---:|---:|");
        try (Netns ns = Netns.create()) {
            ns.users(uids);
            ns.exec("ip", "link", "set", "lo", "up").ok();
            Files.writeString(out.resolve("conntrack-only.nft"), CONNTRACK_ONLY);
            Process listener = ns.start(pinned("/usr/bin/python3", "-I", "-c", script("accept-loop.py"),
                    Integer.toString(PORT), "3600"));
            try {
                awaitReady(listener);
                for (int round = 1; round <= rounds; round++) {
                    double[] none = measure(ns, uids, server, iterations);
                    table.add(row("none (round " + round + ")", 0, none, none));
                    ns.exec("nft", "-f", out.resolve("conntrack-only.nft").toAbsolutePath().toString()).ok();
                    table.add(row("conntrack alone: one ct state rule", 0, measure(ns, uids, server, iterations), none));
                    ns.exec("nft", "delete", "table", "inet", NetfilterNames.NFT_TABLE).ok();
                    long start = System.nanoTime();
                    ns.sh(out, "cat netfilter/*.nft | nft -f -", LOAD).ok();
                    double nftLoad = (System.nanoTime() - start) / 1e9;
                    table.add(row("nft: verdict map, named sets", nftLoad, measure(ns, uids, server, iterations), none));
                    ns.exec("nft", "delete", "table", "inet", NetfilterNames.NFT_TABLE).ok();
                    start = System.nanoTime();
                    ns.sh(out, "for f in netfilter/*.iptables; do iptables-restore --noflush \"$f\" || exit 1; done"
                            + " && for c in $(grep -h -o '^:STK-[0-9a-f]* ' netfilter/*.iptables | tr -d ':'); do"
                            + " iptables -I OUTPUT 1 -j $c || exit 1; done", LOAD).ok();
                    double iptLoad = (System.nanoTime() - start) / 1e9;
                    table.add(row("iptables: one owner jump per server", iptLoad, measure(ns, uids, server, iterations), none));
                    ns.exec("iptables", "-F").ok();
                    ns.exec("iptables", "-X").ok();
                }
            } finally {
                Tool.stop(listener);
            }
        }
        table.forEach(System.out::println);
        Path results = Files.createDirectories(Path.of("target/bench")).resolve("netfilter-cost.md");
        Files.write(results, table);
        System.out.println("wrote " + results);
    }

    /** Median and 90th percentile, in microseconds, for the unrelated user and for the server's user. */
    private static double[] measure(Netns ns, Map<String, Integer> uids, String server, int iterations) throws IOException {
        double[] out = new double[4];
        int at = 0;
        for (String user : List.of("stk-unrelated", server)) {
            String printed = ns.execAs(uids.get(user), Duration.ofMinutes(10), pinned("/usr/bin/python3", "-I", "-c",
                    script("connect-loop.py"), "127.0.0.1", Integer.toString(PORT), Integer.toString(iterations))).ok().out();
            String[] fields = printed.strip().split(" ");
            out[at++] = Long.parseLong(fields[0]) / 1000.0;
            out[at++] = Long.parseLong(fields[1]) / 1000.0;
        }
        return out;
    }

    private static List<String> pinned(String... argv) {
        List<String> out = new ArrayList<>(PIN);
        out.addAll(List.of(argv));
        return out;
    }

    private static String row(String label, double load, double[] m, double[] none) {
        return String.format(Locale.ROOT, "| %s | %s | %.1f (%.1f) | %.2f | %.1f (%.1f) | %.2f |", label,
                load == 0 ? "" : String.format(Locale.ROOT, "%.1f", load), m[0], m[1], m[0] / none[0], m[2], m[3], m[2] / none[2]);
    }

    private static void awaitReady(Process listener) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (!"READY".equals(line)) {
            throw new IllegalStateException("the listener did not start: " + line);
        }
    }

    private static String script(String name) throws IOException {
        return Files.readString(NetfilterLoadTest.OWN_CASES.resolve(name));
    }
}

package dev.stockade.compiler.target.audit;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Tool;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the audit rules of a fleet, loaded together, cost every process on the host: the median
 * time of an {@code open}+{@code close} by this process (a user no rule names) with auditing off,
 * on without rules, on with the fleet's rules, and off with them loaded. A benchmark main, not a
 * test: it needs root and the kernel's audit subsystem, which is global (not per namespace), so it
 * switches auditing on for the host for the length of a run, then deletes every rule it loaded by
 * key and puts the enabled flag back as it found it.
 *
 * <p>The fleet's users do not exist on this host, so each {@code -F uid=NAME} is loaded as a
 * numeric uid no account has (from 400,000): the kernel holds a number either way.
 *
 * <p>Usage: {@code AuditCostBenchmark [SERVERS [ROUNDS [CALLS]]]}, defaults 1000, 9, 20000.
 */
public final class AuditCostBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private AuditCostBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        String status = Tool.run(LIMIT, List.of("auditctl", "-s")).requireSuccess("auditctl -s").out();
        String enabled = status.lines().filter(l -> l.startsWith("enabled ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("auditctl -s gave no enabled flag: " + status))
                .substring("enabled ".length()).strip();
        if (enabled.equals("2")) {
            throw new IllegalStateException("the audit configuration is locked (enabled 2): rules cannot be loaded");
        }
        Path dir = Files.createTempDirectory("stk-audit-cost-");
        List<String> keys = new ArrayList<>();
        try {
            List<Path> files = rulesFiles(servers, dir, keys);
            Path target = Files.writeString(dir.resolve("opened"), "x");
            List<String> report = new ArrayList<>();
            set("0");
            report.add(row("auditing off, no rules", 0, target, rounds, calls));
            set("1");
            report.add(row("auditing on, no rules", 0, target, rounds, calls));
            long start = System.nanoTime();
            for (Path file : files) {
                Tool.run(LIMIT, List.of("auditctl", "-R", file.toString())).requireSuccess("auditctl -R " + file);
            }
            long loadMs = (System.nanoTime() - start) / 1_000_000;
            Set<String> ours = Set.copyOf(keys);
            int loaded = (int) Tool.run(LIMIT, List.of("auditctl", "-l")).requireSuccess("auditctl -l").out().lines()
                    .filter(l -> ours.contains(l.substring(l.lastIndexOf("key=") + 4))).count();
            report.add(row("auditing on, the fleet's rules", loaded, target, rounds, calls));
            set("0");
            report.add(row("auditing off, the fleet's rules loaded", loaded, target, rounds, calls));
            System.out.printf(Locale.ROOT, "%d servers, %d rules files loaded in %,d ms (one auditctl each)%n%n",
                    servers, files.size(), loadMs);
            System.out.println("| configuration | rules | open+close, median ns | fastest round ns |");
            System.out.println("|---|---:|---:|---:|");
            report.forEach(System.out::println);
        } finally {
            for (String key : keys) {
                Tool.run(LIMIT, List.of("auditctl", "-D", "-k", key));
            }
            set(enabled);
            Tool.deleteTree(dir);
        }
    }

    /** The fleet's audit rules files, with numeric uids; {@code keys} gets each file's key. */
    private static List<Path> rulesFiles(int servers, Path dir, List<String> keys) throws IOException {
        Stockade.Outcome outcome = Stockade.compile(new FleetGenerator(42).files(servers, 100), List.of("audit"));
        List<Path> files = new ArrayList<>();
        int uid = 400_000;
        for (Artifact artifact : outcome.artifacts()) {
            if (!artifact.path().endsWith(".rules")) {
                continue;
            }
            String numeric = artifact.content().replaceAll("-F uid=\\S+", "-F uid=" + uid++);
            numeric.lines().filter(l -> l.startsWith("-a ")).map(l -> l.substring(l.lastIndexOf(" -k ") + 4))
                    .distinct().forEach(keys::add);
            Path file = dir.resolve(files.size() + ".rules");
            Files.writeString(file, numeric);
            files.add(file);
        }
        return files;
    }

    private static void set(String enabled) {
        Tool.run(LIMIT, List.of("auditctl", "-e", enabled)).requireSuccess("auditctl -e " + enabled);
    }

    private static String row(String label, int rules, Path target, int rounds, int calls) throws IOException {
        long[] perCall = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                FileChannel.open(target, StandardOpenOption.READ).close();
            }
            perCall[round] = (System.nanoTime() - start) / calls;
        }
        Arrays.sort(perCall);
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |", label, rules, perCall[rounds / 2], perCall[0]);
    }
}

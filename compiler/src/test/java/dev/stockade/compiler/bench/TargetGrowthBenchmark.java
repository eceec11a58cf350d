package dev.stockade.compiler.bench;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.dsl.source.SourceFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How each target's compile grows with the rules of one server (docs/performance.md, "Targets
 * against the rules of one server"). A main, not a test. Arguments: sizes (default 2000
 * 4000 8000 16000 32000), each one {@link FleetGenerator#wideServer} with that many filesystem and as
 * many network statements, then the same with the network's allows on distinct ports
 * ({@link FleetGenerator#distinctPortsServer}), then each of {@link PathologicalServers}' shapes
 * named in {@code bench.growth.shapes} (default {@code hostsown,carved}: the two that were
 * quadratic in the targets) of twice that many statements, a table each; {@code bench.runs} (default 5) runs per target and size after two
 * warm-up rounds over every size, the fastest kept. A run is {@code Stockade.compile} of that one
 * file with that one target on this thread, parse and checks included (the {@code mcp} column is
 * close to that floor). Times are this thread's CPU time, in milliseconds; the last column is the
 * growth of the sum from the previous size, near 2 for a doubling when the cost is n log n.
 */
public final class TargetGrowthBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TargetGrowthBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {2_000, 4_000, 8_000, 16_000, 32_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int runs = Integer.getInteger("bench.runs", 5);
        List<String> targets = TargetRegistry.all().stream().map(t -> t.name()).toList();
        FleetGenerator generator = new FleetGenerator(42);
        System.out.println("wide server (FleetGenerator.wideServer):");
        table(Arrays.stream(sizes).mapToObj(generator::wideServer).toList(), sizes, targets, runs).forEach(System.out::println);
        System.out.println();
        System.out.println("every allow beyond the first 50 on a port of its own (FleetGenerator.distinctPortsServer):");
        table(Arrays.stream(sizes).mapToObj(generator::distinctPortsServer).toList(), sizes, targets, runs).forEach(System.out::println);
        for (String shape : System.getProperty("bench.growth.shapes", "hostsown,carved").split(",")) {
            if (shape.isBlank()) {
                continue;
            }
            System.out.println();
            System.out.println("PathologicalServers " + shape + ":");
            table(Arrays.stream(sizes).mapToObj(size -> PathologicalServers.of(shape.strip(), 2 * size)).toList(), sizes, targets, runs)
                    .forEach(System.out::println);
        }
    }

    /** One shape's table: a row per size, a column per target, the sum and its growth. */
    private static List<String> table(List<SourceFile> files, int[] sizes, List<String> targets, int runs) {
        for (int warm = 0; warm < 2; warm++) {
            files.forEach(file -> targets.forEach(target -> cpuMillis(file, target)));
        }
        List<String> report = new ArrayList<>();
        report.add("| statements | " + String.join(" | ", targets) + " | sum | growth |");
        report.add("|---:|" + "---:|".repeat(targets.size() + 2));
        double previous = 0;
        for (int i = 0; i < sizes.length; i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %,d |", 2 * sizes[i]));
            double sum = 0;
            for (String target : targets) {
                double best = Double.MAX_VALUE;
                for (int run = 0; run < runs; run++) {
                    best = Math.min(best, cpuMillis(files.get(i), target));
                }
                sum += best;
                row.append(String.format(Locale.ROOT, " %.0f |", best));
            }
            row.append(String.format(Locale.ROOT, " %.0f | %s |", sum, previous == 0 ? "" : String.format(Locale.ROOT, "%.2f", sum / previous)));
            previous = sum;
            report.add(row.toString());
        }
        return report;
    }

    private static double cpuMillis(SourceFile file, String target) {
        long start = THREADS.getCurrentThreadCpuTime();
        Stockade.Streamed outcome = Stockade.compile(List.of(file), List.of(target), 1, artifact -> { });
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        if (outcome.hasBlockingErrors()) {
            throw new IllegalStateException(file.path() + " does not compile for " + target);
        }
        return cpu / 1e6;
    }
}

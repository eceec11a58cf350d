package dev.stockade.compiler.bench;

import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.Waivers;
import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Times parse, resolve and check of generated fleets (see docs/performance.md). A main, not a
 * test: surefire never runs it. Arguments: fleet sizes (default 100 1000 10000); system properties
 * {@code bench.runs} (measured runs per size, default 5), {@code bench.perFile} (servers per
 * policy file, default 100), {@code bench.seed} (default 42), and {@code bench.shape}: {@code fleet}
 * (default: the sizes are numbers of servers), {@code wide} (one server; the sizes are its
 * numbers of filesystem and of network statements) or one of {@link PathologicalServers#SHAPES}
 * (one server; the sizes are its statements in that shape).
 *
 * <p>Each size gets one warm-up run, then {@code bench.runs} measured runs, all on this one thread;
 * the median of each figure is printed. A run is the pipeline of {@link Checker#check}, phase by
 * phase: parse, resolve every server once, then the rules, the waivers and the sort (the warm-up
 * run checks that this gives exactly what {@code Checker.check} gives). Times are wall clock and,
 * less disturbed by other processes, this thread's CPU time; GC is the collectors' own time.
 * Peak heap is the most heap in use at once during the run, as the end-to-end benchmark measures
 * it ({@link Measure#peakBytes}: the largest use just before a collection, or at the end); live
 * heap is the heap in use after a full GC while the sources, the parsed set, the resolved policies
 * and the diagnostics are all still held.
 */
public final class CheckBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static List<Diagnostic> lastDiagnostics = List.of();

    private CheckBenchmark() {
    }

    /** One measured run; times in nanoseconds, heap in bytes. */
    private record Run(long parseWall, long resolveWall, long rulesWall, long parseCpu, long resolveCpu, long rulesCpu,
            long gcMillis, long peakHeap, long liveHeap, int diagnostics) {

        long totalWall() {
            return parseWall + resolveWall + rulesWall;
        }

        long totalCpu() {
            return parseCpu + resolveCpu + rulesCpu;
        }
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100, 1_000, 10_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int runs = Integer.getInteger("bench.runs", 5);
        long seed = Long.getLong("bench.seed", 42L);
        int perFile = Integer.getInteger("bench.perFile", 100);
        String shape = System.getProperty("bench.shape", "fleet");
        boolean wide = shape.equals("wide");
        boolean pathological = PathologicalServers.SHAPES.contains(shape);
        System.out.printf(Locale.ROOT, "java %s (%s), %d processors, max heap %d MiB, %s, seed %d, %d servers per file, %d runs per size (median)%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Measure.HEAP_FLAG, seed, perFile, runs);
        System.out.println("| servers | statements | input MiB | parse ms | resolve ms | rules ms | total ms | total CPU ms"
                + " | GC ms | peak heap MiB | live heap MiB | diagnostics |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<Integer, double[]> totals = new TreeMap<>();
        for (int size : sizes) {
            FleetGenerator generator = new FleetGenerator(seed);
            List<SourceFile> files = pathological ? List.of(PathologicalServers.of(shape, size))
                    : wide ? List.of(generator.wideServer(size)) : generator.files(size, perFile);
            int servers = wide || pathological ? 1 : size;
            long statements = pathological ? size : wide ? 2L * Math.max(size, FleetGenerator.FS_STATEMENTS)
                    : (long) size * (FleetGenerator.FS_STATEMENTS + FleetGenerator.NET_STATEMENTS);
            long chars = files.stream().mapToLong(f -> f.text().length()).sum();
            verify(files, once(files));
            List<Run> measured = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                measured.add(once(files));
            }
            totals.put(size, new double[] {median(measured, Run::totalWall), median(measured, Run::totalCpu)});
            System.out.printf(Locale.ROOT, "| %,d | %,d | %.1f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %s |%n",
                    servers, statements, chars / 1048576.0,
                    ms(median(measured, Run::parseWall)), ms(median(measured, Run::resolveWall)),
                    ms(median(measured, Run::rulesWall)), ms(median(measured, Run::totalWall)),
                    ms(median(measured, Run::totalCpu)), median(measured, Run::gcMillis),
                    median(measured, Run::peakHeap) / 1048576.0, median(measured, Run::liveHeap) / 1048576.0,
                    measured.stream().map(r -> String.format(Locale.ROOT, "%,d", r.diagnostics())).distinct()
                            .collect(Collectors.joining(" / ")));
        }
        System.out.println("diagnostics of the last run, by rule: " + lastDiagnostics.stream()
                .collect(Collectors.groupingBy(d -> d.rule() + "/" + d.severity().name().toLowerCase(Locale.ROOT),
                        TreeMap::new, Collectors.counting())));
        for (int i = 1; i < sizes.length; i++) {
            ratio(totals, sizes[i], sizes[i - 1]);
        }
    }

    private static Run once(List<SourceFile> files) {
        Measure.fullCollections();
        Measure.resetPeak();
        long gcBefore = gcMillis();
        long[] wall = new long[4];
        long[] cpu = new long[4];
        mark(wall, cpu, 0);
        ParseResult parsed = PolicyParser.parse(files);
        mark(wall, cpu, 1);
        List<ServerContext> servers = Checker.resolve(parsed.policies());
        mark(wall, cpu, 2);
        List<Diagnostic> diagnostics = Waivers.apply(parsed.policies().servers(), Checker.findings(servers).all())
                .stream().sorted(Diagnostic.ORDER).toList();
        mark(wall, cpu, 3);
        long gc = gcMillis() - gcBefore;
        long peak = Measure.peakBytes();
        Measure.fullCollections();
        long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        // Keeps every result reachable until the live heap is measured.
        Reference.reachabilityFence(servers);
        Reference.reachabilityFence(files);
        lastDiagnostics = new ArrayList<>(parsed.diagnostics());
        lastDiagnostics.addAll(diagnostics);
        return new Run(wall[1] - wall[0], wall[2] - wall[1], wall[3] - wall[2], cpu[1] - cpu[0], cpu[2] - cpu[1],
                cpu[3] - cpu[2], gc, peak, live, lastDiagnostics.size());
    }

    /** The phases above are Checker.check's; a drift between them would make the figures lie. */
    private static void verify(List<SourceFile> files, Run warmUp) {
        ParseResult parsed = PolicyParser.parse(files);
        List<Diagnostic> expected = new ArrayList<>(parsed.diagnostics());
        expected.addAll(Checker.check(parsed.policies()));
        if (!expected.equals(lastDiagnostics) || warmUp.diagnostics() != expected.size()) {
            throw new IllegalStateException("the benchmark's phases no longer match Checker.check");
        }
    }

    private static void mark(long[] wall, long[] cpu, int at) {
        wall[at] = System.nanoTime();
        cpu[at] = THREADS.getCurrentThreadCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private static double median(List<Run> runs, ToLongFunction<Run> value) {
        long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static void ratio(Map<Integer, double[]> totals, int larger, int smaller) {
        if (totals.containsKey(larger) && totals.containsKey(smaller)) {
            double[] big = totals.get(larger);
            double[] small = totals.get(smaller);
            System.out.printf(Locale.ROOT, "size %,d / %,d (%.0fx): total time %.2fx, total CPU %.2fx%n", larger, smaller,
                    (double) larger / smaller, big[0] / small[0], big[1] / small[1]);
        }
    }
}

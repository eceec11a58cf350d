package dev.stockade.compiler.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One measured run: wall clock, the process's CPU time (every thread: the pool's workers, and
 * also the collector's and the JIT's, which a one-thread run uses too), and the peak heap (the sum
 * of the heap pools' peak usage since a reset after a full GC: an upper bound), and the
 * collectors' own time (the pauses they report through their MXBeans).
 */
record Measure(double wallMs, double cpuMs, double peakMiB, double gcMs) {

    Measure(double wallMs, double cpuMs, double peakMiB) {
        this(wallMs, cpuMs, peakMiB, 0);
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static Measure of(Runnable run) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        List<MemoryPoolMXBean> pools = FleetBenchmark.heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gc = collectorMs();
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        run.run();
        long wallEnd = System.nanoTime();
        long cpuEnd = OS.getProcessCpuTime();
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measure((wallEnd - wall) / 1e6, (cpuEnd - cpu) / 1e6, peak / 1048576.0, collectorMs() - gc);
    }

    private static long collectorMs() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    static double median(List<Measure> runs, ToDoubleFunction<Measure> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The medians of one fleet size and thread count, with the baseline's of the same size. */
    record Row(int servers, int threads, double wallMs, double cpuMs, double peakMiB, double baseWallMs, double baseCpuMs,
            double basePeakMiB, double gcMs) {

        static Row of(int servers, int threads, List<Measure> runs, List<Measure> baseline) {
            return new Row(servers, threads, median(runs, Measure::wallMs), median(runs, Measure::cpuMs),
                    median(runs, Measure::peakMiB), median(baseline, Measure::wallMs), median(baseline, Measure::cpuMs),
                    median(baseline, Measure::peakMiB), median(runs, Measure::gcMs));
        }
    }

    static List<String> csv(List<Row> rows) {
        List<String> out = new ArrayList<>();
        out.add("servers,threads,wall_ms,cpu_ms,peak_heap_mib,baseline_wall_ms,baseline_cpu_ms,baseline_peak_heap_mib,gc_ms");
        for (Row r : rows) {
            out.add(String.format(Locale.ROOT, "%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", r.servers(), r.threads(),
                    r.wallMs(), r.cpuMs(), r.peakMiB(), r.baseWallMs(), r.baseCpuMs(), r.basePeakMiB(), r.gcMs()));
        }
        return out;
    }
}

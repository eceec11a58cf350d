package dev.stockade.compiler.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One measured run: wall clock, the process's CPU time (every thread: the pool's workers, and
 * also the collector's and the JIT's, which a one-thread run uses too), the peak heap (the most
 * in use at once: the heap fills until a collection empties some of it, so its peaks are the
 * usage just before each collection, which the collectors' notifications report, or at the end
 * of the run; until the ninth round this was the sum of the heap pools' own peaks, an upper
 * bound that exceeded the heap limit since the pools peak at different moments), the collectors'
 * own time (the pauses they report through their MXBeans) and the largest heap in use just after a collection
 * (what the run kept, with whatever garbage that collection left: the figure to hold against the
 * heap limit), and the collector threads' CPU time, pauses and concurrent work together
 * ({@link CollectorCpu}; part of {@code cpuMs}), and the JIT compilers' time (their own total, from
 * the {@code CompilationMXBean}; also part of {@code cpuMs}, and near zero once the runs are
 * in the steady state the warm-up is for).
 *
 * <p>Each run starts after three full collections, so it neither inherits the previous run's
 * garbage nor leaves it to the next. A full collection also shrinks the heap to what is live
 * (G1: from the 200 to 700 MiB a run grew it to about 34 MiB), and the run would then pay to grow
 * it again, in page faults and in young collections of a small eden, which a build (that never
 * calls {@code System.gc()}) does not: 280 ms of a 220 ms run of 100 servers, 1.4 s of a 14 s run
 * of 10,000 (docs/performance.md). So the harness sets the manageable flag
 * {@code MaxHeapFreeRatio} to 100 when it is first used (the heap is never shrunk for being free),
 * for both sides: {@link #HEAP_FLAG}. {@link #fullCollections} is those collections, for every
 * benchmark of this package that starts its runs clean.
 */
record Measure(double wallMs, double cpuMs, double peakMiB, double gcMs, double afterGcMiB, double gcCpuMs, double jitMs) {

    Measure(double wallMs, double cpuMs, double peakMiB) {
        this(wallMs, cpuMs, peakMiB, 0, 0, 0, 0);
    }

    /** The largest heap after a collection since the last {@link #of}; updated by the collectors' notifications. */
    private static final AtomicLong AFTER_GC = new AtomicLong();
    /** The largest heap just before a collection since the last {@link #of}: the peaks of its use. */
    private static final AtomicLong BEFORE_GC = new AtomicLong();

    /** The flag as set, for a report's first line: set once, when a benchmark first uses this class. */
    static final String HEAP_FLAG = keepHeapThroughFullCollections();

    /** Keeps the heap its size through the full collections before each run (see above). */
    private static String keepHeapThroughFullCollections() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        vm.setVMOption("MaxHeapFreeRatio", "100");
        return "MaxHeapFreeRatio " + vm.getVMOption("MaxHeapFreeRatio").getValue();
    }

    static {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) notification.getUserData());
                        AFTER_GC.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                        // Not the harness's own full collections before a run: their notifications
                        // may arrive after the run started, with the previous run's garbage.
                        if (!"System.gc()".equals(info.getGcCause())) {
                            BEFORE_GC.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                        }
                    }
                }, null, null);
            }
        }
    }

    /**
     * The heap's part of a collection's usage by pool: the notifications list every memory pool,
     * metaspace and the code cache too (until the ninth round they were counted, 30 to 60 MiB).
     */
    private static long heapUsed(Map<String, MemoryUsage> byPool) {
        long used = 0;
        for (MemoryPoolMXBean pool : FleetBenchmark.heapPools()) {
            MemoryUsage usage = byPool.get(pool.getName());
            used += usage == null ? 0 : usage.getUsed();
        }
        return used;
    }

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Three full collections, so that a run starts clean; the heap keeps its size ({@link #HEAP_FLAG}). */
    static void fullCollections() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    /** Starts counting the heap's peak (and its largest use after a collection) afresh: {@link #peakBytes}. */
    static void resetPeak() {
        AFTER_GC.set(0);
        BEFORE_GC.set(0);
    }

    /**
     * The most heap in use at once since {@link #resetPeak}: the largest use just before a
     * collection (the harness's own full collections left out), or now if more. Waits for the
     * notifications of the last collections, which arrive on their own thread.
     */
    static long peakBytes() {
        long now = FleetBenchmark.heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.max(now, BEFORE_GC.get());
    }

    static Measure of(Runnable run) {
        fullCollections();
        resetPeak();
        long gc = collectorMs();
        long gcCpu = CollectorCpu.nanos();
        long jit = JIT.getTotalCompilationTime();
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        run.run();
        long wallEnd = System.nanoTime();
        long cpuEnd = OS.getProcessCpuTime();
        long jitEnd = JIT.getTotalCompilationTime();
        long gcEnd = collectorMs();
        long gcCpuEnd = CollectorCpu.nanos();
        long peak = peakBytes();
        return new Measure((wallEnd - wall) / 1e6, (cpuEnd - cpu) / 1e6, peak / 1048576.0, gcEnd - gc,
                AFTER_GC.get() / 1048576.0, gcCpu < 0 ? Double.NaN : (gcCpuEnd - gcCpu) / 1e6, jitEnd - jit);
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
            double basePeakMiB, double gcMs, double afterGcMiB, double gcCpuMs, double jitMs) {

        static Row of(int servers, int threads, List<Measure> runs, List<Measure> baseline) {
            return new Row(servers, threads, median(runs, Measure::wallMs), median(runs, Measure::cpuMs),
                    median(runs, Measure::peakMiB), median(baseline, Measure::wallMs), median(baseline, Measure::cpuMs),
                    median(baseline, Measure::peakMiB), median(runs, Measure::gcMs), median(runs, Measure::afterGcMiB),
                    median(runs, Measure::gcCpuMs), median(runs, Measure::jitMs));
        }
    }

    static List<String> csv(List<Row> rows) {
        List<String> out = new ArrayList<>();
        out.add("servers,threads,wall_ms,cpu_ms,peak_heap_mib,baseline_wall_ms,baseline_cpu_ms,baseline_peak_heap_mib,gc_ms,"
                + "heap_after_gc_mib,gc_cpu_ms,jit_ms");
        for (Row r : rows) {
            out.add(String.format(Locale.ROOT, "%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", r.servers(), r.threads(),
                    r.wallMs(), r.cpuMs(), r.peakMiB(), r.baseWallMs(), r.baseCpuMs(), r.basePeakMiB(), r.gcMs(),
                    r.afterGcMiB(), r.gcCpuMs(), r.jitMs()));
        }
        return out;
    }
}

package dev.stockade.compiler.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.compiler.target.Tool;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * End to end, as a build runs it (see docs/performance.md): the fleet's policy files read from disk,
 * parsed, checked, compiled for every target in {@link TargetRegistry} (read at run time, so new
 * targets are measured as they are added) and written to a scratch directory; on one thread and on
 * all cores. In the same run, the baseline: Jackson reads the same fleet as MCP client JSON
 * ({@link FleetJson}) into plain maps and writes as many files of the same sizes as Stockade wrote.
 * A main, not a test. Arguments: fleet sizes (default 100 1000 10000); properties
 * {@code bench.runs} (measured runs per size and mode, default 5, taken in turn with the baseline's:
 * a baseline run, then one of each mode, and again), {@code bench.warmup} (unmeasured
 * runs of each side per size before them, default 1), {@code bench.warmup.seconds} (after those,
 * more warm-up runs of both sides until this many seconds have passed, default 60: the JIT's steady
 * state, as a benchmark harness measures it; a fresh JVM compiles for about three runs of 1,000
 * servers, and 0 measures that young JVM instead), {@code bench.seed} (42),
 * {@code bench.out} (where the table, CSV and plot go, default {@code target/bench}),
 * {@code bench.plot} (the PNG, default {@code bench.out/scaling.png}) and {@code bench.scratch}
 * (where the inputs and outputs are written, default {@code /dev/shm}).
 */
public final class FleetBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {100, 1_000, 10_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int runs = Integer.getInteger("bench.runs", 5);
        int warmup = Math.max(1, Integer.getInteger("bench.warmup", 1));
        int warmupSeconds = Math.max(0, Integer.getInteger("bench.warmup.seconds", 60));
        long seed = Long.getLong("bench.seed", 42L);
        int cores = Runtime.getRuntime().availableProcessors();
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Path plot = Path.of(System.getProperty("bench.plot", out.resolve("scaling.png").toString()));
        Files.createDirectories(out);
        String heapFlag = Measure.HEAP_FLAG;
        List<String> targets = TargetRegistry.all().stream().map(t -> t.name()).toList();
        List<String> plugin = PluginTime.measure(targets);
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "java %s (%s), %d processors, max heap %d MiB, %s, collectors %s, load average %.2f, "
                + "seed %d, %d warm-up runs%s and %d measured runs per size and mode (median), targets: %s", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), cores, Runtime.getRuntime().maxMemory() >> 20, heapFlag,
                String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList()),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), seed, warmup,
                warmupSeconds > 0 ? " then more for " + warmupSeconds + " s" : "", runs, String.join(", ", targets)));
        report.add("");
        report.add("| servers | input MiB (stockade / json) | artifacts | output MiB | mode | wall ms | CPU ms | GC ms "
                + "| GC CPU ms | JIT ms | peak heap MiB | heap after GC MiB | baseline wall ms | baseline CPU ms | wall / baseline "
                + "| CPU / baseline |");
        report.add("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Measure.Row> rows = new ArrayList<>();
        Path scratch = Files.createTempDirectory(scratchRoot(), "stockade-fleet-bench-");
        Thread cleanup = new Thread(() -> Tool.deleteTree(scratch));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            for (int size : sizes) {
                rows.addAll(size(size, seed, new Warmup(warmup, warmupSeconds), runs, cores, targets, scratch, report));
            }
        } finally {
            Tool.deleteTree(scratch);
        }
        ratios(rows, sizes, report);
        report.addAll(plugin);
        report.forEach(System.out::println);
        Files.write(out.resolve("fleet-benchmark.md"), report);
        Files.write(out.resolve("fleet-benchmark.csv"), Measure.csv(rows));
        ScalingPlot.write(rows, plot);
        System.out.println("wrote " + out.resolve("fleet-benchmark.md") + ", " + out.resolve("fleet-benchmark.csv") + ", " + plot);
    }

    /** Unmeasured runs of each side before the measured ones: at least {@code runs}, and for at least {@code seconds}. */
    private record Warmup(int runs, int seconds) {
    }

    private static List<Measure.Row> size(int size, long seed, Warmup warmup, int runs, int cores, List<String> targets, Path scratch,
            List<String> report) throws IOException {
        Path in = scratch.resolve("in-" + size);
        List<Path> policyFiles = new ArrayList<>();
        List<Path> jsonFiles = new ArrayList<>();
        // Generated and written 100 servers at a time: only the files on disk stay.
        for (SourceFile policy : new FleetGenerator(seed).files(size, 100)) {
            policyFiles.addAll(write(in, List.of(policy)));
            jsonFiles.addAll(write(in, FleetJson.of(List.of(policy))));
        }
        double policyMiB = bytes(policyFiles) / 1048576.0;
        double jsonMiB = bytes(jsonFiles) / 1048576.0;
        long[] sizes = stockade(policyFiles, targets, 1, scratch.resolve("warm-up"));
        long bytes = Arrays.stream(sizes).sum();
        baseline(jsonFiles, sizes, scratch.resolve("warm-up"));
        long until = System.nanoTime() + warmup.seconds() * 1_000_000_000L;
        for (int i = 1; i < warmup.runs() || System.nanoTime() < until; i++) {
            Tool.deleteTree(scratch.resolve("warm-up"));
            stockade(policyFiles, targets, i % 2 == 0 ? 1 : cores, scratch.resolve("warm-up"));
            baseline(jsonFiles, sizes, scratch.resolve("warm-up-baseline"));
            Tool.deleteTree(scratch.resolve("warm-up-baseline"));
        }
        Tool.deleteTree(scratch.resolve("warm-up"));
        // Taken in turn, run after run (the baseline, then each mode), so that the machine's drift
        // falls on every side alike: the baseline measured first, alone, moved the ratios by a
        // fifth from one run of the benchmark to the next.
        int[] modes = cores > 1 ? new int[] {1, cores} : new int[] {1};
        List<Measure> base = new ArrayList<>();
        List<List<Measure>> measured = new ArrayList<>();
        for (int mode = 0; mode < modes.length; mode++) {
            measured.add(new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            Path baseDir = scratch.resolve("baseline-" + size + "-" + i);
            base.add(Measure.of(() -> baseline(jsonFiles, sizes, baseDir)));
            Tool.deleteTree(baseDir);
            for (int mode = 0; mode < modes.length; mode++) {
                int threads = modes[mode];
                Path dir = scratch.resolve("out-" + size + "-" + threads + "-" + i);
                measured.get(mode).add(Measure.of(() -> stockade(policyFiles, targets, threads, dir)));
                Tool.deleteTree(dir);
            }
        }
        List<Measure.Row> rows = new ArrayList<>();
        for (int mode = 0; mode < modes.length; mode++) {
            int threads = modes[mode];
            Measure.Row row = Measure.Row.of(size, threads, measured.get(mode), base);
            rows.add(row);
            report.add(String.format(Locale.ROOT, "| %,d | %.1f / %.1f | %,d | %.1f | %s | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %.2f | %.2f |",
                    size, policyMiB, jsonMiB, sizes.length, bytes / 1048576.0, threads == 1 ? "1 thread" : threads + " threads",
                    row.wallMs(), row.cpuMs(), row.gcMs(), row.gcCpuMs(), row.jitMs(), row.peakMiB(), row.afterGcMiB(), row.baseWallMs(), row.baseCpuMs(),
                    row.wallMs() / row.baseWallMs(), row.cpuMs() / row.baseCpuMs()));
        }
        Tool.deleteTree(in);
        return rows;
    }

    /**
     * The build's work: read, parse, check, compile every target, write (each artifact as it is
     * made, from the worker threads). The artifacts' sizes, smallest first.
     */
    static long[] stockade(List<Path> policies, List<String> targets, int threads, Path out) {
        try {
            List<SourceFile> files = new ArrayList<>(policies.size());
            for (Path policy : policies) {
                files.add(SourceFile.fromBytes(policy.getFileName().toString(), Files.readAllBytes(policy)));
            }
            // Only the sizes: a map of 170,000 paths would take tens of MiB of the heap being measured.
            List<Long> written = Collections.synchronizedList(new ArrayList<>());
            Set<Path> directories = ConcurrentHashMap.newKeySet();
            Stockade.Streamed outcome = Stockade.compile(files, targets, threads, artifact -> {
                try {
                    byte[] bytes = artifact.bytes();
                    Path file = out.resolve(artifact.path());
                    directoryFor(file, directories);
                    Files.write(file, bytes);
                    written.add((long) bytes.length);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (outcome.hasBlockingErrors() || written.isEmpty()) {
                throw new IllegalStateException("the fleet does not compile: " + outcome.diagnostics().stream()
                        .filter(d -> d.isBlockingError()).limit(5).toList());
            }
            return written.stream().mapToLong(Long::longValue).sorted().toArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The cost of merely reading the same information and writing as many bytes, in as many files. */
    static long[] baseline(List<Path> jsonFiles, long[] sizes, Path out) {
        try {
            List<byte[]> servers = new ArrayList<>();
            for (Path file : jsonFiles) {
                Map<?, ?> config = JSON.readValue(file.toFile(), Map.class);
                for (Object server : ((Map<?, ?>) config.get("mcpServers")).values()) {
                    servers.add(JSON.writeValueAsBytes(server));
                }
            }
            Set<Path> directories = new HashSet<>();
            for (int i = 0; i < sizes.length; i++) {
                byte[] source = servers.get(i % servers.size());
                byte[] content = new byte[(int) sizes[i]];
                for (int at = 0; at < content.length; at += source.length) {
                    System.arraycopy(source, 0, content, at, Math.min(source.length, content.length - at));
                }
                Path file = out.resolve("s" + i % servers.size()).resolve(i + ".out");
                directoryFor(file, directories);
                Files.write(file, content);
            }
            return sizes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Creates the directory {@code file} goes in, once per run: both sides, as the plugin's own
     * staging does. {@code Files.createDirectories} on a directory that exists costs a failed mkdir
     * and an exception; called for every file, it was a fifth of the baseline's CPU (the fleet's
     * ratios were flattered by that shared waste until the tenth round, docs/performance.md).
     */
    private static void directoryFor(Path file, Set<Path> directories) throws IOException {
        Path parent = file.getParent();
        if (!directories.contains(parent)) {
            Files.createDirectories(parent);
            directories.add(parent);
        }
    }

    private static void ratios(List<Measure.Row> rows, int[] sizes, List<String> report) {
        report.add("");
        for (int i = 1; i < sizes.length; i++) {
            for (Measure.Row big : rows) {
                for (Measure.Row small : rows) {
                    if (big.servers() == sizes[i] && small.servers() == sizes[i - 1] && big.threads() == small.threads()) {
                        report.add(String.format(Locale.ROOT, "%,d / %,d servers, %d thread(s): wall %.2fx, CPU %.2fx, baseline wall %.2fx",
                                big.servers(), small.servers(), big.threads(), big.wallMs() / small.wallMs(),
                                big.cpuMs() / small.cpuMs(), big.baseWallMs() / small.baseWallMs()));
                    }
                }
            }
        }
    }

    /**
     * Where inputs and outputs go: {@code bench.scratch}, else {@code /dev/shm} (memory-backed, so
     * the figures are the compiler's and the baseline's, not a shared disk's), else {@code target}.
     * A directory of its own is created there and removed at the end.
     */
    private static Path scratchRoot() throws IOException {
        String chosen = System.getProperty("bench.scratch");
        if (chosen != null) {
            return Files.createDirectories(Path.of(chosen));
        }
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Files.createDirectories(Path.of("target"));
    }

    private static long bytes(List<Path> files) throws IOException {
        long sum = 0;
        for (Path file : files) {
            sum += Files.size(file);
        }
        return sum;
    }

    private static List<Path> write(Path dir, List<SourceFile> files) throws IOException {
        List<Path> out = new ArrayList<>();
        for (SourceFile file : files) {
            Path path = dir.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.text());
            out.add(path);
        }
        return out;
    }

    static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}

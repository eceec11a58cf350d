package dev.stockade.compiler.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The CPU time of the JVM's collector threads (G1's pause workers, concurrent markers and
 * refinement threads), read per thread from {@code /proc/self/task} on Linux: the collectors'
 * MXBeans report their pauses only, not the marking that runs beside the workers and takes a
 * core from them when the heap is tight. -1 where there is no {@code /proc}.
 */
final class CollectorCpu {

    /** Linux reports thread times in clock ticks of 1/100 s ({@code USER_HZ}) on every architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CollectorCpu() {
    }

    static long nanos() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                ticks += collectorTicks(thread);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks * NANOS_PER_TICK;
    }

    /** User and system ticks of one thread if it is a collector's, else 0 (also for a thread that just ended). */
    private static long collectorTicks(Path thread) throws IOException {
        try {
            String name = Files.readString(thread.resolve("comm")).trim();
            if (!name.startsWith("G1 ") && !name.startsWith("GC Thread")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // After "pid (comm) ": state, ppid, ..., utime is the 12th field and stime the 13th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (NoSuchFileException ended) {
            return 0;
        }
    }
}

package dev.stockade.compiler.bench;

import dev.stockade.compiler.Stockade;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the build plugin pays for the bundled examples: {@code Stockade.compile} of every example
 * with every target, the first call in a fresh JVM (class loading, FreeMarker parsing the
 * templates) and then warm (median of 50 calls), on one thread and on all cores. The plugin's own
 * up-to-date check, which skips even this when nothing changed, is measured separately.
 */
final class PluginTime {

    private PluginTime() {
    }

    /** Run first in the JVM, so the first call is cold. */
    static List<String> measure(List<String> targets) {
        List<SourceFile> examples = examples();
        List<String> out = new ArrayList<>();
        long start = System.nanoTime();
        int artifacts = Stockade.compile(examples, targets).artifacts().size();
        double cold = (System.nanoTime() - start) / 1e6;
        out.add("");
        out.add(String.format(Locale.ROOT, "bundled examples (%d files, %d artifacts), Stockade.compile with every target: "
                + "first call in a fresh JVM %.0f ms", examples.size(), artifacts, cold));
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            List<Measure> runs = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                Measure m = time(() -> Stockade.compile(examples, targets, threads));
                if (i >= 20) {
                    runs.add(m);
                }
            }
            out.add(String.format(Locale.ROOT, "  warm, %d thread(s): median %.1f ms wall, %.1f ms CPU (50 calls after 20 warm-up)",
                    threads, Measure.median(runs, Measure::wallMs), Measure.median(runs, Measure::cpuMs)));
        }
        return out;
    }

    private static Measure time(Runnable run) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        run.run();
        return new Measure((System.nanoTime() - wall) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6, 0);
    }

    private static List<SourceFile> examples() {
        Path dir = Files.isDirectory(Path.of("examples")) ? Path.of("examples") : Path.of("../examples");
        try (Stream<Path> files = Files.list(dir)) {
            List<SourceFile> out = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".stockade")).sorted().toList()) {
                out.add(SourceFile.fromBytes("examples/" + file.getFileName(), Files.readAllBytes(file)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

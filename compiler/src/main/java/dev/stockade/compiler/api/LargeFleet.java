package dev.stockade.compiler.api;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * Advice for a build that compiles a large fleet under G1, the JVM's default collector: with a
 * live heap near half of the limit, G1 marks concurrently for most of the run and takes a core
 * from the compile; the parallel collector does not (docs/performance.md, "Figures, fourth
 * round": 18.0 s against 11.3 s for 10,000 servers). Pure but for reading the collectors' names.
 */
public final class LargeFleet {

    /** From this many servers the advice is worth a line of the build's output. */
    static final int SERVERS = 2_000;

    private LargeFleet() {
    }

    /** The advice for this JVM, if {@code servers} is large and the collector is G1. */
    public static Optional<String> advice(int servers) {
        return advice(servers, ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    static Optional<String> advice(int servers, List<String> collectors) {
        if (servers < SERVERS || collectors.stream().noneMatch(name -> name.startsWith("G1 "))) {
            return Optional.empty();
        }
        return Optional.of(servers + " servers compiled under the G1 collector: a fleet this large builds faster with"
                + " -XX:+UseParallelGC in .mvn/jvm.config (see the README, \"Large fleets\", for it and the heap)");
    }
}

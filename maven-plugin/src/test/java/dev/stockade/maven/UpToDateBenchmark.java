package dev.stockade.maven;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The plugin's own time when nothing changed (docs/performance.md): a main, not a test. With
 * {@code prepare PROJECT [TARGETS]} it copies the bundled examples into PROJECT and runs
 * {@code generate} and {@code check} once; with {@code measure PROJECT GOAL [TARGETS]} (run it in
 * a fresh JVM, as every Maven build loads the plugin afresh) it times one {@code execute()} of
 * GOAL on the up-to-date project from start to return, with the main thread's CPU time, the
 * classes loaded meanwhile and whether any target or template class was among them. With
 * {@code -Dbench.warmJdk=true} it first uses what Maven's own JVM has always used by the time a
 * plugin runs (lambdas, streams, regular expressions, String.format, file walks), so only the
 * plugin's own classes are cold.
 */
public final class UpToDateBenchmark {

    private UpToDateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[1]);
        if (args[0].equals("prepare")) {
            Path policies = project.resolve("src/main/stockade");
            Files.createDirectories(policies);
            // Run from maven-plugin/, the bundled examples are ../examples.
            try (var examples = Files.list(Path.of(System.getProperty("examples", "../examples")))) {
                for (Path example : examples.filter(p -> p.toString().endsWith(".stockade")).sorted().toList()) {
                    Files.copy(example, policies.resolve(example.getFileName()));
                }
            }
            String targets = args.length > 2 ? args[2] : null;
            configure(new GenerateMojo(), project, targets).execute();
            configure(new CheckMojo(), project, targets).execute();
            return;
        }
        String targets = args.length > 3 ? args[3] : null;
        try (var policies = Files.list(project.resolve("src/main/stockade"))) {
            if (policies.noneMatch(p -> p.toString().endsWith(".stockade"))) {
                throw new IllegalStateException("no policies in " + project + ": run prepare first (with -Dexamples=DIR)");
            }
        }
        AbstractCompileMojo mojo = configure(args[2].equals("check") ? new CheckMojo() : new GenerateMojo(), project, targets);
        if (Boolean.getBoolean("bench.warmJdk")) {
            warmJdk(project);
        }
        var threads = ManagementFactory.getThreadMXBean();
        var classes = ManagementFactory.getClassLoadingMXBean();
        long loadedBefore = classes.getTotalLoadedClassCount();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        mojo.execute();
        long wall = System.nanoTime() - start;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        long loaded = classes.getTotalLoadedClassCount() - loadedBefore;
        boolean targetsLoaded = loadedFrom("dev.stockade.compiler.target.") || loadedFrom("freemarker.");
        System.out.println(String.format(Locale.ROOT, "%s up to date: %.1f ms wall, %.1f ms CPU, %d classes loaded, "
                + "target or template classes loaded: %s; log: %s", args[2], wall / 1e6, cpu / 1e6, loaded,
                targetsLoaded, ((RecordingLog) mojo.getLog()).lines.stream().findFirst().orElse("")));
    }

    private static void warmJdk(Path project) throws java.io.IOException {
        try (var walk = Files.walk(project.getParent(), 1)) {
            long count = walk.filter(p -> p.toString().matches(".*[a-z].*")).map(Path::getFileName).count();
            System.out.print(String.format(Locale.ROOT, "%s", count).isEmpty() ? "?" : "");
        }
    }

    private static boolean loadedFrom(String prefix) {
        // Asks the class loader without loading: findLoadedClass is protected, so probe known classes.
        for (String name : List.of("dev.stockade.compiler.target.TargetRegistry", "dev.stockade.compiler.target.Templates",
                "freemarker.template.Configuration")) {
            if (name.startsWith(prefix) && isLoaded(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoaded(String name) {
        try {
            var method = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
            method.setAccessible(true);
            return method.invoke(UpToDateBenchmark.class.getClassLoader(), name) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static <T extends AbstractCompileMojo> T configure(T mojo, Path project, String targets) {
        return TestProject.configure(mojo, project, new RecordingLog(), targets);
    }
}

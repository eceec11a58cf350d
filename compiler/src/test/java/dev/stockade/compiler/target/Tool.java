package dev.stockade.compiler.target;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real tools the target tests check artifacts with. A tool that is not installed fails
 * the test loudly (CI installs every one through .ci/run, nothing is skipped); one that overruns
 * its deadline is killed with everything it started, and the test fails with what it printed.
 * Standard input is empty, and the output goes to files rather than pipes, so a process a tool
 * leaves behind cannot hold the run open.
 */
public final class Tool {

    /** What a process did. */
    public record Result(List<String> argv, int exit, String out, String err) {

        /** This result, or an assertion error naming the command, its exit status and its output. */
        public Result ok() {
            if (exit != 0) {
                throw new AssertionError("`" + String.join(" ", argv) + "` exited " + exit + "\nstdout: " + out
                        + "\nstderr: " + err);
            }
            return this;
        }

        /** {@link #ok()}, the error saying what the step was. */
        public Result requireSuccess(String what) {
            if (exit != 0) {
                throw new AssertionError(what + " failed (exit " + exit + ")\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }
    }

    private Tool() {
    }

    /**
     * Runs {@code argv} in {@code cwd} ({@code null}: this process's directory) with {@code env}
     * added to this process's environment, and waits at most {@code timeout}.
     */
    public static Result run(List<String> argv, Path cwd, Map<String, String> env, Duration timeout) {
        try {
            Path out = Files.createTempFile("stockade-tool", ".out");
            Path err = Files.createTempFile("stockade-tool", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                if (cwd != null) {
                    builder.directory(cwd.toFile());
                }
                builder.environment().putAll(env);
                Process process = start(builder, argv);
                try {
                    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new AssertionError("`" + String.join(" ", argv) + "` ran longer than " + timeout
                                + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
                    }
                } finally {
                    stop(process);
                }
                return new Result(argv, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + argv, e);
        }
    }

    /** {@link #run(List, Path, Map, Duration)} in the root directory, with this process's environment. */
    public static Result run(Duration timeout, List<String> argv) {
        return run(argv, Path.of("/"), Map.of(), timeout);
    }

    /** Starts a long-running process (a listener) that the caller must {@link #stop}. */
    public static Process start(List<String> argv, Path cwd) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (cwd != null) {
            builder.directory(cwd.toFile());
        }
        return start(builder, argv);
    }

    private static Process start(ProcessBuilder builder, List<String> argv) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + argv.get(0) + " (is it installed? .ci/run installs it): "
                    + e.getMessage(), e);
        }
    }

    /** Kills a process and everything it started, and waits (bounded) for it to go. */
    public static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code bash -n}: the script parses. */
    public static void bashSyntax(String name, String script) {
        try {
            Path file = Files.createTempFile("stockade-syntax", ".sh");
            try {
                Files.writeString(file, script, StandardCharsets.UTF_8);
                run(Duration.ofSeconds(20), List.of("bash", "-n", file.toString())).requireSuccess("bash -n " + name);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scratch directory under the module's target/, for files a tool reads. */
    public static Path scratch(String prefix) {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            return Files.createTempDirectory(target, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to {@code file}, creating its directories. */
    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code root} and everything below it, if it exists. */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

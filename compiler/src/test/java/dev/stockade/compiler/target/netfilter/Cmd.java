package dev.stockade.compiler.target.netfilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real tool with a deadline and captures its output. A tool that is not installed fails the
 * test loudly (CI installs every one through .ci/run); a tool that overruns is killed.
 */
final class Cmd {

    static final Duration DEFAULT = Duration.ofSeconds(30);

    record Result(List<String> argv, int exit, String out, String err) {

        Result ok() {
            if (exit != 0) {
                throw new AssertionError("`" + String.join(" ", argv) + "` exited " + exit + "\nstdout: " + out
                        + "\nstderr: " + err);
            }
            return this;
        }
    }

    private Cmd() {
    }

    static Result run(List<String> argv) {
        return run(argv, null, DEFAULT);
    }

    static Result run(List<String> argv, Path cwd, Duration timeout) {
        Process process = start(argv, cwd);
        try {
            process.getOutputStream().close();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("`" + String.join(" ", argv) + "` ran longer than " + timeout);
            }
            return new Result(argv, process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            stop(process);
        }
    }

    /** Starts a process the caller must {@link #stop}; a missing tool is a loud failure. */
    static Process start(List<String> argv, Path cwd) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (cwd != null) {
            builder.directory(cwd.toFile());
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + argv.get(0) + " (is it installed? .ci/run installs it): "
                    + e.getMessage(), e);
        }
    }

    /** Kills a process and waits (bounded) for it to go. */
    static void stop(Process process) {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}

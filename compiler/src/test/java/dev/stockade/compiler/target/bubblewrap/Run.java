package dev.stockade.compiler.target.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real tool with a deadline; output goes to files, so a chatty process cannot block on a
 * full pipe. A missing tool is a failure, never a skip: CI installs every tool these tests use.
 */
public final class Run {

    /** What a process did. */
    public record Result(int exit, String out, String err) {

        public Result requireSuccess(String what) {
            assertThat(exit).as("%s failed (exit %s)%nstdout:%n%s%nstderr:%n%s", what, exit, out, err).isZero();
            return this;
        }
    }

    private Run() {
    }

    public static Result run(Duration timeout, List<String> command) {
        return run(timeout, command, Path.of("/"));
    }

    public static Result run(Duration timeout, List<String> command, Path cwd) {
        try {
            Path out = Files.createTempFile("stk-out", ".txt");
            Path err = Files.createTempFile("stk-err", ".txt");
            try {
                Process process = new ProcessBuilder(command).directory(cwd.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError("timed out after " + timeout + ": " + command + "\nstdout:\n"
                            + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + " (is the tool installed? .ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code bash -n}: the script parses. */
    public static void bashSyntax(String name, String script) {
        try {
            Path file = Files.createTempFile("stk-syntax", ".sh");
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
}

package dev.stockade.compiler.target.audit;

import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.bubblewrap.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Runs {@code logrotate -d} (debug: parse and plan, change nothing) with a state file of its own. */
final class Logrotate {

    private Logrotate() {
    }

    static Run.Result debug(Artifact artifact) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("stk-logrotate");
            Path config = dir.resolve("server.logrotate");
            Files.writeString(config, artifact.content());
            Run.Result result = Run.run(Duration.ofSeconds(30),
                    List.of("logrotate", "-d", "-s", dir.resolve("state").toString(), config.toString()));
            if (result.err().contains("error:") || result.out().contains("error:")) {
                return new Run.Result(result.exit() == 0 ? 1 : result.exit(), result.out(), result.err());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

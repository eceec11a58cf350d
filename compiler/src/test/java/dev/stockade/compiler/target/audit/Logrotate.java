package dev.stockade.compiler.target.audit;

import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs {@code logrotate -d} (debug: parse and plan, change nothing) with a state file of its own. */
final class Logrotate {

    private Logrotate() {
    }

    static Tool.Result debug(Artifact artifact) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("stk-logrotate");
            Path config = dir.resolve("server.logrotate");
            Files.writeString(config, artifact.content());
            Tool.Result result = Tool.run(Duration.ofSeconds(30),
                    List.of("logrotate", "-d", "-s", dir.resolve("state").toString(), config.toString()));
            if (result.err().contains("error:") || result.out().contains("error:")) {
                return new Tool.Result(result.argv(), result.exit() == 0 ? 1 : result.exit(), result.out(),
                        result.err());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Tool.deleteTree(dir);
        }
    }
}

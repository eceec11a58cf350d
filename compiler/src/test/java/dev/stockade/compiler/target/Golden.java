package dev.stockade.compiler.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden-file tests for targets: a case is a policy under {@code src/test/resources/cases/NAME.stockade}
 * (or the bundled {@code examples/}); its expected artifacts live under
 * {@code src/test/resources/golden/NAME/<artifact path>}. The expected files are rewritten only when
 * the build runs with {@code -Dstockade.updateGolden=true}; a normal run compares byte for byte, and
 * every comparison also compiles a second time and requires identical bytes.
 */
public final class Golden {

    public static final Path CASES = Path.of("src/test/resources/cases");
    public static final Path EXPECTED = Path.of("src/test/resources/golden");
    public static final Path EXAMPLES = Path.of("../examples");
    private static final boolean UPDATE = Boolean.getBoolean("stockade.updateGolden");

    private Golden() {
    }

    /** Compiles one policy file for one target, with the display path a project would use. */
    public static Stockade.Outcome compile(Path policy, String target) {
        try {
            String display = policy.startsWith(EXAMPLES) ? "examples/" + policy.getFileName() : "cases/" + policy.getFileName();
            SourceFile source = SourceFile.fromBytes(display, Files.readAllBytes(policy));
            return Stockade.compile(List.of(source), List.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case and every bundled example. */
    public static List<Path> inputs() {
        try (Stream<Path> cases = Files.list(CASES); Stream<Path> examples = Files.list(EXAMPLES)) {
            return Stream.concat(cases, examples).filter(p -> p.toString().endsWith(".stockade")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles {@code policy} for {@code target} twice, asserts the two runs are byte-identical and
     * that no error blocks, and compares (or, with the update flag, rewrites) the golden files.
     */
    public static List<Artifact> check(Path policy, String target) {
        Stockade.Outcome first = compile(policy, target);
        Stockade.Outcome second = compile(policy, target);
        assertThat(first.diagnostics().stream().filter(Diagnostic::isBlockingError).map(Diagnostic::toString))
                .as("blocking errors in %s", policy).isEmpty();
        assertThat(second.artifacts()).as("compiling twice gives identical artifacts").isEqualTo(first.artifacts());
        String name = policy.getFileName().toString().replace(".stockade", "");
        Path dir = EXPECTED.resolve(name);
        for (Artifact artifact : first.artifacts()) {
            compare(dir.resolve(artifact.path()), artifact.content());
        }
        return first.artifacts();
    }

    /**
     * Asserts that the golden file {@code expected} holds exactly {@code actual}, or, with the
     * update flag, rewrites it.
     */
    public static void compare(Path expected, String actual) {
        if (UPDATE) {
            write(expected, actual);
            return;
        }
        assertThat(expected).as("golden file %s (run with -Dstockade.updateGolden=true to create it)", expected).exists();
        assertThat(read(expected)).as("golden %s", expected).isEqualTo(actual);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.stockade.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The policy files tests read: the valid test corpus and the repository's examples. */
public final class Corpus {

    /** Surefire runs with the module directory as the working directory. */
    public static final Path VALID = Path.of("src/test/resources/valid");
    public static final Path EXAMPLES = Path.of("../examples");

    private Corpus() {
    }

    /** Every {@code .stockade} file of the valid corpus, sorted by name. */
    public static List<Path> valid() {
        return list(VALID);
    }

    /** Every {@code .stockade} file of the repository's {@code examples/} directory, sorted by name. */
    public static List<Path> examples() {
        return list(EXAMPLES);
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no directory " + dir.toAbsolutePath().normalize());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".stockade")).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no .stockade file in " + dir.toAbsolutePath().normalize());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.stockade.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.PolicyFile;
import dev.stockade.dsl.print.PolicyPrinter;
import dev.stockade.dsl.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutates the valid corpus at random (fixed seeds, so every failure reproduces) and checks that
 * the parser never throws, that every diagnostic is well-formed and inside the file, that the
 * printer copes with whatever partial model comes back, and that a mutant without errors still
 * round-trips through the printer.
 */
class ParserFuzzTest {

    /** Fixed, so that a build is reproducible; explore further with -Dfuzz.seeds=7,8,9 -Dfuzz.runs=5000. */
    private static final long[] SEEDS = java.util.Arrays.stream(System.getProperty("fuzz.seeds", "1,42,20260101,12648430")
            .split(",")).mapToLong(Long::parseLong).toArray();
    private static final int RUNS_PER_SEED = Integer.getInteger("fuzz.runs", 1000);
    private static final int MAX_REPORTED = 10;

    @Test
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
    void mutatedPoliciesGiveWellFormedDiagnosticsAndNeverThrow() {
        List<byte[]> corpus = Stream.concat(Corpus.valid().stream(), Corpus.examples().stream())
                .map(Corpus::bytes).filter(bytes -> bytes.length > 0).toList();
        List<String> failures = new ArrayList<>();
        int runs = 0;
        int clean = 0;
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            Mutator mutator = new Mutator(random);
            for (int run = 0; run < RUNS_PER_SEED && failures.size() < MAX_REPORTED; run++) {
                byte[] input = mutator.mutate(corpus.get(random.nextInt(corpus.size())));
                String where = "seed " + seed + " run " + run;
                clean += check(where, input, failures) ? 1 : 0;
                runs++;
            }
        }
        assertThat(failures).as("%d of %d mutants failed", failures.size(), runs).isEmpty();
        assertThat(clean).as("mutants that still parsed without errors").isPositive();
    }

    /** Checks one mutant; true when it parsed without errors (and so was round-tripped too). */
    private static boolean check(String where, byte[] input, List<String> failures) {
        SourceFile source = SourceFile.fromBytes("fuzz.stockade", input);
        ParseResult result;
        try {
            result = PolicyParser.parse(source);
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(where + ": parse threw " + e + " at " + e.getStackTrace()[0] + " (input in " + keep(where, input)
                    + ")\n" + Mutator.show(input));
            return false;
        }
        for (String problem : DiagnosticInvariants.violations(source, result.diagnostics())) {
            failures.add(where + ": " + problem + "\n" + Mutator.show(input));
        }
        String printed;
        try {
            printed = PolicyPrinter.print(result.policies()).values().stream().findFirst().orElse("");
        } catch (RuntimeException e) {
            failures.add(where + ": print threw " + e + "\n" + Mutator.show(input));
            return false;
        }
        if (result.hasErrors() || result.policies().files().isEmpty()) {
            return false;
        }
        ParseResult again = PolicyParser.parse(SourceFile.of("fuzz.stockade", printed));
        PolicyFile original = result.policies().files().get(0);
        boolean same = !again.hasErrors() && again.policies().files().size() == 1
                && again.policies().files().get(0).equals(original);
        if (!same) {
            failures.add(where + ": printed text does not read back as the same model: "
                    + again.diagnostics().stream().map(Diagnostic::message).toList() + "\n" + Mutator.show(input)
                    + "\nprinted:\n" + printed);
        }
        return true;
    }

    /** Writes a failing input under target/fuzz so that it can be parsed again by hand. */
    private static Path keep(String where, byte[] input) {
        Path file = Path.of("target", "fuzz", where.replace(' ', '-') + ".stockade");
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, input);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** For the record: the corpus the fuzzer starts from is the valid corpus and the examples. */
    static List<Path> seeds() {
        return Stream.concat(Corpus.valid().stream(), Corpus.examples().stream()).toList();
    }
}

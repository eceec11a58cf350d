package dev.stockade.dsl.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.Corpus;
import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.model.PolicyFile;
import dev.stockade.dsl.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid input survives parse → print → parse with an equal model, and printing is
 * idempotent: the printed text of the re-parsed model is the same text.
 */
class RoundTripTest {

    static Stream<Path> validFiles() {
        return Corpus.valid().stream();
    }

    static Stream<Path> exampleFiles() {
        return Corpus.examples().stream();
    }

    @ParameterizedTest
    @MethodSource("validFiles")
    void validCorpusRoundTrips(Path file) {
        roundTrip(file.getFileName().toString(), Corpus.bytes(file));
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void examplesRoundTrip(Path file) {
        roundTrip("examples/" + file.getFileName(), Corpus.bytes(file));
    }

    /** The same files with CRLF line endings and a byte order mark mean the same policy. */
    @ParameterizedTest
    @MethodSource("validFiles")
    void crlfAndBomVariantsGiveTheSameModel(Path file) {
        String text = SourceFile.fromBytes("x.stockade", Corpus.bytes(file)).text().replace("\r\n", "\n");
        PolicyFile lf = parseClean("x.stockade", text.getBytes(StandardCharsets.UTF_8));
        byte[] crlfBom = ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);

        assertThat(parseClean("x.stockade", crlfBom)).isEqualTo(lf);
        assertThat(PolicyPrinter.print(lf)).isEqualTo(roundTrip("x.stockade", crlfBom));
    }

    /** The complete example of the language spec (copied verbatim) and examples/complete.stockade. */
    @Test
    void theCompleteExampleOfTheSpecParsesWithoutAnyDiagnostic() {
        for (Path file : List.of(Corpus.VALID.resolve("spec-example.stockade"), Corpus.EXAMPLES.resolve("complete.stockade"))) {
            ParseResult result = PolicyParser.parse(SourceFile.fromBytes(file.toString(), Corpus.bytes(file)));

            assertThat(result.diagnostics()).as(file.toString()).isEmpty();
            assertThat(result.policies().servers()).extracting(s -> s.name().value())
                    .containsExactly("mcp-fileserver", "mcp-notes");
        }
    }

    @Test
    void theCorpusCoversEveryExample() {
        assertThat(Corpus.examples()).isNotEmpty();
        assertThat(Corpus.valid()).hasSizeGreaterThan(10);
    }

    /** Parses cleanly, prints, re-parses to an equal model, prints the same text again; returns it. */
    static String roundTrip(String path, byte[] bytes) {
        PolicyFile original = parseClean(path, bytes);
        String printed = PolicyPrinter.print(original);

        ParseResult again = PolicyParser.parse(SourceFile.of(path, printed));
        assertThat(again.diagnostics()).as("diagnostics of the printed text:%n%s", printed).isEmpty();
        PolicyFile reparsed = single(again);
        assertThat(reparsed).as("model of the printed text:%n%s", printed).isEqualTo(original);
        assertThat(PolicyPrinter.print(reparsed)).isEqualTo(printed);
        return printed;
    }

    static PolicyFile parseClean(String path, byte[] bytes) {
        ParseResult result = PolicyParser.parse(SourceFile.fromBytes(path, bytes));
        List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertThat(errors).as("errors in %s", path).isEmpty();
        return single(result);
    }

    private static PolicyFile single(ParseResult result) {
        assertThat(result.policies().files()).hasSize(1);
        return result.policies().files().get(0);
    }
}

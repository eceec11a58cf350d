package dev.stockade.dsl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.Span;
import dev.stockade.dsl.source.SourceFile;
import java.util.List;
import java.util.stream.Collectors;

/** Small helpers shared by the parser tables: parse a snippet, wrap it in a server, show diagnostics. */
final class Policies {

    static final String FILE = "t.stockade";

    private Policies() {
    }

    static ParseResult parse(String text) {
        return PolicyParser.parse(SourceFile.of(FILE, text));
    }

    /** {@code server s { command "/bin/x"; BODY }} with the first body line on line 3. */
    static String inServer(String body) {
        return "server s {\n  command \"/bin/x\"\n" + body + "\n}\n";
    }

    /** {@code server s { BODY }} with the first body line on line 2 (the body brings its own command). */
    static String server(String body) {
        return "server s {\n" + body + "\n}\n";
    }

    /** The only server of a snippet that must parse without any diagnostic. */
    static Server onlyServer(String text) {
        ParseResult result = parse(text);
        assertThat(result.diagnostics()).as("diagnostics of%n%s", text).isEmpty();
        assertThat(result.policies().servers()).hasSize(1);
        return result.policies().servers().get(0);
    }

    /** One line per diagnostic, for readable assertion failures. */
    static String show(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Policies::show).collect(Collectors.joining("\n"));
    }

    static String show(Diagnostic d) {
        Span s = d.span();
        return d.rule() + " " + s.line() + ":" + s.column() + "-" + s.endLine() + ":" + s.endColumn()
                + " " + d.message() + " | " + d.hint();
    }

    /** Asserts where a span starts and ends on one line (spans compare equal regardless of position). */
    static void assertAt(Span span, int line, int column, int endColumn) {
        assertThat(new int[] {span.line(), span.column(), span.endLine(), span.endColumn()})
                .as("span %s", span)
                .containsExactly(line, column, line, endColumn);
    }
}

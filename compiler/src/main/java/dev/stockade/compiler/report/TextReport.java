package dev.stockade.compiler.report;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiler-style report people read in a terminal or a build log (see {@code spec/rules.md}).
 *
 * <pre>
 * policies/fileserver.stockade:14:11: error[fs-write-exec]: "/opt/tools" is both writable and executable
 *    |
 * 14 |     write "/opt/tools"
 *    |           ^^^^^^^^^^^^
 *    = hint: split build output from programs; write to "/opt/tools/out" and execute "/opt/tools/bin"
 * </pre>
 *
 * <p>The header comes first and alone on its line so editors and CI log parsers can jump to
 * {@code file:line:col}. The gutter of each finding is as wide as its line number, as rustc does.
 * Findings are separated by a blank line and followed by the {@link Summary} line. Every piece of
 * user text goes through {@link Printable}, so the only raw control characters in the output are
 * the newlines of the layout.
 */
public final class TextReport {

    private TextReport() {
    }

    /**
     * Renders findings in report order, whatever order they come in.
     *
     * @param sources the policy files by display path ({@link Span#file()}); a finding whose file is
     *     missing is still reported, only without its excerpt
     * @return the report, ending with a newline
     */
    public static String render(Collection<Diagnostic> diagnostics, Map<String, SourceFile> sources) {
        StringBuilder out = new StringBuilder();
        diagnostics.stream().sorted(Diagnostic.ORDER).forEach(diagnostic -> {
            for (String line : finding(diagnostic, Optional.ofNullable(sources.get(diagnostic.span().file())))) {
                out.append(line).append('\n');
            }
            out.append('\n');
        });
        return out.append(Summary.of(diagnostics).text()).append('\n').toString();
    }

    /**
     * One finding alone: its header, excerpt and notes, without the blank line and summary that
     * {@link #render} adds. For front ends that log each finding at its own level.
     *
     * @return the finding's lines, each ending with a newline except the last
     */
    public static String renderFinding(Diagnostic diagnostic, Map<String, SourceFile> sources) {
        return String.join("\n", finding(diagnostic, Optional.ofNullable(sources.get(diagnostic.span().file()))));
    }

    private static List<String> finding(Diagnostic diagnostic, Optional<SourceFile> source) {
        Span span = diagnostic.span();
        int gutterWidth = String.valueOf(span.line()).length();
        String note = " ".repeat(gutterWidth + 1) + "= ";
        List<String> lines = new ArrayList<>();
        lines.add(header(diagnostic));
        Excerpt.lines(span, source, gutterWidth).ifPresent(lines::addAll);
        if (!diagnostic.hint().isBlank()) {
            lines.add(note + "hint: " + Printable.clean(diagnostic.hint()));
        }
        diagnostic.acceptedBecause()
                .ifPresent(reason -> lines.add(note + "accepted because: " + Printable.clean(reason)));
        return lines;
    }

    private static String header(Diagnostic diagnostic) {
        Span span = diagnostic.span();
        String accepted = diagnostic.isAccepted() ? " (accepted)" : "";
        return Printable.clean(span.file()) + ":" + span.line() + ":" + span.column() + ": "
                + diagnostic.severity().label() + "[" + Printable.clean(diagnostic.rule()) + "]" + accepted + ": "
                + Printable.clean(diagnostic.message());
    }
}

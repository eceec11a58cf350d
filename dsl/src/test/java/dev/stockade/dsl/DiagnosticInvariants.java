package dev.stockade.dsl;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.source.SourceFile;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/** What must hold for every diagnostic the parser gives, whatever the input. */
public final class DiagnosticInvariants {

    private DiagnosticInvariants() {
    }

    /** The broken invariants of one diagnostic of {@code source}, as readable lines; empty when all hold. */
    public static List<String> violations(SourceFile source, Diagnostic d) {
        return violations(source, widths(source), d);
    }

    private static List<String> violations(SourceFile source, int[] widths, Diagnostic d) {
        List<String> problems = new ArrayList<>();
        Span span = d.span();
        int lines = source.lineCount();
        if (d.rule().isEmpty() || RuleCatalog.find(d.rule()).isEmpty()) {
            problems.add("rule id not in the catalog");
        }
        if (d.message().isBlank()) {
            problems.add("empty message");
        }
        if (d.hint().isBlank()) {
            problems.add("empty hint");
        }
        if (d.message().chars().anyMatch(DiagnosticInvariants::breaksLine)) {
            problems.add("line break in the message");
        }
        if (!span.file().equals(source.path())) {
            problems.add("span names file " + span.file());
        }
        if (span.line() < 1 || span.line() > lines + 1 || span.endLine() > lines + 1) {
            problems.add("line outside 1.." + (lines + 1));
        }
        if (span.endLine() < span.line() || (span.endLine() == span.line() && span.endColumn() < span.column())) {
            problems.add("end before start");
        }
        if (span.column() < 1 || span.column() > width(widths, span.line()) + 1) {
            problems.add("column outside 1.." + (width(widths, span.line()) + 1));
        }
        if (span.endColumn() > width(widths, span.endLine()) + 1) {
            problems.add("end column after " + (width(widths, span.endLine()) + 1));
        }
        return problems;
    }

    /** Every violation of every diagnostic, each line naming the diagnostic. */
    public static List<String> violations(SourceFile source, List<Diagnostic> diagnostics) {
        List<String> all = new ArrayList<>();
        int[] widths = widths(source);
        for (Diagnostic d : diagnostics) {
            for (String problem : violations(source, widths, d)) {
                all.add(problem + " in " + describe(d));
            }
        }
        return all;
    }

    static String describe(Diagnostic d) {
        Span s = d.span();
        return d.rule() + " " + s.line() + ":" + s.column() + "-" + s.endLine() + ":" + s.endColumn() + " " + d.message();
    }

    /**
     * The length of each line in code points, as columns count, without its line break ({@code \n}
     * or {@code \r\n}). A lone {@code \r} is blank space, so it counts, unlike in
     * {@link SourceFile#line(int)}, which drops every trailing {@code \r}.
     */
    private static int[] widths(SourceFile source) {
        String[] lines = source.text().split("\n", -1);
        int[] widths = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") && i < lines.length - 1 ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            widths[i] = line.codePointCount(0, line.length());
        }
        return widths;
    }

    /** The width of a 1-based line; the line after the last (where the end of file may be) is empty. */
    private static int width(int[] widths, int line) {
        return line >= 1 && line <= widths.length ? widths[line - 1] : 0;
    }

    private static boolean breaksLine(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }
}

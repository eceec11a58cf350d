package dev.stockade.compiler.report;

import dev.stockade.dsl.source.SourceFile;
import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * The quoted source line and caret line under a diagnostic's header.
 *
 * <p>Only the first line of a span is shown, underlined from the start column to the end of that
 * line: one line is enough to find the spot, and a long block would bury the next finding. A
 * span that covers nothing (an insertion point such as the end of the file) still gets one caret
 * so the reader sees where.
 */
final class Excerpt {

    private Excerpt() {
    }

    /** The excerpt lines, or empty when the file is unknown or the span's line does not exist. */
    static Optional<List<String>> lines(Span span, Optional<SourceFile> source, int gutterWidth) {
        if (source.isEmpty() || !hasLine(source.get(), span.line())) {
            return Optional.empty();
        }
        int[] codePoints = source.get().line(span.line()).codePoints().toArray();
        // Clamp: a span may start at the line end (a missing token) or run past it (a multi-line span).
        int start = Math.min(span.column() - 1, codePoints.length);
        int end = span.endLine() == span.line() ? Math.min(span.endColumn() - 1, codePoints.length) : codePoints.length;
        String number = String.valueOf(span.line());
        String emptyGutter = " ".repeat(gutterWidth) + " |";
        String gutter = " ".repeat(gutterWidth - number.length()) + number + " |";
        return Optional.of(List.of(
                emptyGutter,
                (gutter + " " + shown(codePoints)).stripTrailing(),
                emptyGutter + " " + carets(codePoints, start, end)));
    }

    // An empty file has no line to quote, although SourceFile reports one empty line for it.
    private static boolean hasLine(SourceFile source, int line) {
        return !source.isEmpty() && line <= source.lineCount();
    }

    private static String shown(int[] codePoints) {
        StringBuilder out = new StringBuilder();
        for (int codePoint : codePoints) {
            out.append(Printable.show(codePoint));
        }
        return out.toString();
    }

    private static String carets(int[] codePoints, int start, int end) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < start; i++) {
            out.append(" ".repeat(Printable.width(codePoints[i])));
        }
        if (end <= start) {
            return out.append('^').toString();
        }
        for (int i = start; i < end; i++) {
            out.append("^".repeat(Printable.width(codePoints[i])));
        }
        return out.toString();
    }
}

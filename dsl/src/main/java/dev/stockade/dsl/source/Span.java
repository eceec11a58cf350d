package dev.stockade.dsl.source;

import java.util.Comparator;

/**
 * Where a node or a finding was written: a file, and a 1-based line and column counted in
 * code points, with an exclusive end column.
 *
 * <p>INVARIANT: a span is position metadata, not part of a value. Two spans are always
 * {@linkplain #equals(Object) equal}, so every model record that carries one compares by content
 * and ignores where it was written (the way Trino's {@code ignoringLocation()} works). Compare
 * positions with {@link #samePosition(Span)} or {@link #ORDER}.
 */
public record Span(String file, int line, int column, int endLine, int endColumn) {

    /** Orders spans by file, then start, then end. */
    public static final Comparator<Span> ORDER = Span::compare;

    public Span {
        if (file == null) {
            throw new IllegalArgumentException("file is required");
        }
        if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column)) {
            throw new IllegalArgumentException(
                    "bad span " + line + ":" + column + "-" + endLine + ":" + endColumn);
        }
    }

    /** A span covering one line from {@code column} (inclusive) to {@code endColumn} (exclusive). */
    public static Span of(String file, int line, int column, int endColumn) {
        return new Span(file, line, column, line, endColumn);
    }

    /** The smallest span that covers both this one and {@code other}; both must be in one file. */
    public Span to(Span other) {
        Span first = ORDER.compare(this, other) <= 0 ? this : other;
        Span last = first == this ? other : this;
        boolean lastEndsLater = last.endLine > first.endLine
                || (last.endLine == first.endLine && last.endColumn > first.endColumn);
        return lastEndsLater
                ? new Span(file, first.line, first.column, last.endLine, last.endColumn)
                : first;
    }

    // Written out rather than chained comparators: every report sorts its findings by it, and a
    // large fleet has hundreds of thousands of them.
    private static int compare(Span a, Span b) {
        if (a == b) {
            return 0;
        }
        int order = a.file == b.file ? 0 : a.file.compareTo(b.file);
        if (order == 0) {
            order = Integer.compare(a.line, b.line);
        }
        if (order == 0) {
            order = Integer.compare(a.column, b.column);
        }
        if (order == 0) {
            order = Integer.compare(a.endLine, b.endLine);
        }
        return order != 0 ? order : Integer.compare(a.endColumn, b.endColumn);
    }

    /** True when both spans point at exactly the same place. */
    public boolean samePosition(Span other) {
        return other != null && ORDER.compare(this, other) == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Span;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

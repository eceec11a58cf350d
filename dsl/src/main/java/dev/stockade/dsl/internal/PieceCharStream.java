package dev.stockade.dsl.internal;

import dev.stockade.dsl.source.SourceFile;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's input read straight from a {@link SourceFile}'s pieces. {@code CharStreams.fromString}
 * would first join a file of a hundred servers into one string of half a megabyte and copy it twice
 * more (a char buffer, then a byte per code point): three objects large enough for G1 to put each
 * in regions of its own, and each such allocation starts a marking cycle once the heap is half full
 * (docs/performance.md). ANTLR counts in code points, so a text with a character outside the Basic
 * Multilingual Plane (a surrogate pair) is read through {@code CharStreams} as before; in any other
 * text a code point is a character.
 */
final class PieceCharStream implements CharStream {

    private final SourceFile source;
    private final String[] pieces;
    private final int size;
    private int index;
    /** The piece that holds {@code index}, and where it starts: kept as the lexer moves forward. */
    private int piece;
    private int pieceStart;

    private PieceCharStream(SourceFile source) {
        this.source = source;
        this.pieces = source.pieces().toArray(new String[0]);
        this.size = source.length();
    }

    /** The file's text as ANTLR's input. */
    static CharStream of(SourceFile source) {
        List<String> pieces = source.pieces();
        for (String piece : pieces) {
            for (int i = 0; i < piece.length(); i++) {
                if (Character.isSurrogate(piece.charAt(i))) {
                    return CharStreams.fromString(source.text(), source.path());
                }
            }
        }
        return new PieceCharStream(source);
    }

    @Override
    public void consume() {
        if (index >= size) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int at = i > 0 ? index + i - 1 : index + i;
        if (at < 0 || at >= size) {
            return IntStream.EOF;
        }
        return charAt(at);
    }

    private char charAt(int at) {
        if (at < pieceStart || at - pieceStart >= pieces[piece].length()) {
            piece = source.pieceOf(at);
            pieceStart = source.pieceStart(piece);
        }
        return pieces[piece].charAt(at - pieceStart);
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(interval.b, size - 1);
        if (stop < start) {
            return "";
        }
        int first = source.pieceOf(start);
        int base = source.pieceStart(first);
        if (stop - base < pieces[first].length()) {
            return pieces[first].substring(start - base, stop - base + 1);
        }
        StringBuilder text = new StringBuilder(stop - start + 1);
        for (int p = first; p < pieces.length && source.pieceStart(p) <= stop; p++) {
            int at = source.pieceStart(p);
            text.append(pieces[p], Math.max(start, at) - at, Math.min(stop + 1, at + pieces[p].length()) - at);
        }
        return text.toString();
    }

    /** Marks cost nothing: the whole text is held. */
    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int index) {
        this.index = index;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String getSourceName() {
        return source.path() == null || source.path().isEmpty() ? IntStream.UNKNOWN_SOURCE_NAME : source.path();
    }

    @Override
    public String toString() {
        return getText(Interval.of(0, size - 1));
    }
}

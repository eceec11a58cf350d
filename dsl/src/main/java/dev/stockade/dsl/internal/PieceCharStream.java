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

    private final String name;
    private final String[] pieces;
    private final int[] starts;
    private final int size;
    private int index;
    /** The piece that holds {@code index}, kept as the lexer moves forward. */
    private int piece;

    private PieceCharStream(String name, List<String> pieces, int size) {
        this.name = name;
        this.pieces = pieces.toArray(new String[0]);
        this.starts = new int[this.pieces.length];
        for (int i = 1; i < this.pieces.length; i++) {
            starts[i] = starts[i - 1] + this.pieces[i - 1].length();
        }
        this.size = size;
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
        return new PieceCharStream(source.path(), pieces, source.length());
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
        if (at < starts[piece] || at - starts[piece] >= pieces[piece].length()) {
            piece = pieceOf(at);
        }
        return pieces[piece].charAt(at - starts[piece]);
    }

    /** The index of the piece that holds {@code at}, a valid offset. */
    private int pieceOf(int at) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= at) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(interval.b, size - 1);
        if (stop < start) {
            return "";
        }
        int first = pieceOf(start);
        int base = starts[first];
        if (stop - base < pieces[first].length()) {
            return pieces[first].substring(start - base, stop - base + 1);
        }
        StringBuilder text = new StringBuilder(stop - start + 1);
        for (int p = first; p < pieces.length && starts[p] <= stop; p++) {
            int from = Math.max(start, starts[p]) - starts[p];
            int to = Math.min(stop + 1, starts[p] + pieces[p].length()) - starts[p];
            text.append(pieces[p], from, to);
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
        return name == null || name.isEmpty() ? IntStream.UNKNOWN_SOURCE_NAME : name;
    }

    @Override
    public String toString() {
        return getText(Interval.of(0, size - 1));
    }
}

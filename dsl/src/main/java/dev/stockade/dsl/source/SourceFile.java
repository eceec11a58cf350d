package dev.stockade.dsl.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one policy file and the name it is reported under.
 *
 * <p>{@code path} is a display path (relative to the project, with {@code /} separators), never
 * an absolute path of the build machine unless the caller chose one. Bytes that are not valid
 * UTF-8 are replaced by U+FFFD and remembered in {@link #malformed()}, so the parser can report
 * each of them and still parse the rest.
 *
 * <p>The text is kept in pieces of whole lines, each at most {@value #PIECE} characters (unless
 * one line is longer): a file of a hundred servers is half a megabyte, and a single object that
 * large takes whole regions of G1's heap of its own for as long as the file is held, which is the
 * whole build (docs/performance.md, "Why G1 marks all the time").
 */
public final class SourceFile {

    static final int PIECE = 1 << 16;

    private final String path;
    private final String[] pieces;
    private final int[] pieceStarts;
    private final int length;
    private final int[] malformed;
    private int[] lineStarts;

    private SourceFile(String path, String text, int[] malformed) {
        this.path = path;
        this.length = text.length();
        this.pieces = split(text);
        this.pieceStarts = new int[pieces.length];
        for (int i = 1; i < pieces.length; i++) {
            pieceStarts[i] = pieceStarts[i - 1] + pieces[i - 1].length();
        }
        this.malformed = malformed;
    }

    /** Whole lines, at most {@link #PIECE} characters a piece unless a line is longer; one piece for a small text. */
    private static String[] split(String text) {
        if (text.length() <= PIECE) {
            return new String[] {text};
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end;
            if (text.length() - start <= PIECE) {
                end = text.length();
            } else {
                int lastBreak = text.lastIndexOf('\n', start + PIECE - 1);
                if (lastBreak >= start) {
                    end = lastBreak + 1;
                } else {
                    int nextBreak = text.indexOf('\n', start + PIECE);
                    end = nextBreak < 0 ? text.length() : nextBreak + 1;
                }
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces.toArray(new String[0]);
    }

    /** A file whose text is already decoded. A leading byte order mark is dropped. */
    public static SourceFile of(String path, String text) {
        return new SourceFile(path, stripBom(text), new int[0]);
    }

    /** Decodes UTF-8, replacing each malformed sequence by U+FFFD and remembering where it was. */
    public static SourceFile fromBytes(String path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        IntList malformedAt = new IntList();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isError()) {
                malformedAt.add(out.position());
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else {
                throw new IllegalStateException("decoder overflow: " + result);
            }
        }
        decoder.flush(out);
        out.flip();
        String decoded = out.toString();
        int[] offsets = malformedAt.toArray();
        if (decoded.startsWith("\uFEFF")) {
            decoded = decoded.substring(1);
            for (int i = 0; i < offsets.length; i++) {
                offsets[i]--;
            }
        }
        return new SourceFile(path, decoded, offsets);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public String path() {
        return path;
    }

    /** The whole text: made again from its pieces on each call for a large file, so read it once (to parse it). */
    public String text() {
        return pieces.length == 1 ? pieces[0] : String.join("", pieces);
    }

    /**
     * The text as its pieces, in order ({@link #text()} is their concatenation): for a reader that
     * goes through a large file without making one string of it.
     */
    public List<String> pieces() {
        return List.of(pieces);
    }

    /** The number of UTF-16 characters in the text. */
    public int length() {
        return length;
    }

    /** Whether the file has no text at all. */
    public boolean isEmpty() {
        return length == 0;
    }

    /** The index in {@link #pieces()} of the piece that holds {@code offset} (the last one for the end of the text). */
    public int pieceOf(int offset) {
        return lastAtOrBefore(pieceStarts, offset);
    }

    /** The offset in {@link #text()} at which the piece {@code piece} of {@link #pieces()} starts. */
    public int pieceStart(int piece) {
        return pieceStarts[piece];
    }

    /** The index of the last of the ascending {@code starts} (the first is 0) that is at most {@code offset}. */
    private static int lastAtOrBefore(int[] starts, int offset) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** The characters from {@code start} to {@code end}, which the caller keeps within one line. */
    private String slice(int start, int end) {
        int piece = pieceOf(start);
        int base = pieceStarts[piece];
        if (end - base <= pieces[piece].length()) {
            return pieces[piece].substring(start - base, end - base);
        }
        return text().substring(start, end);
    }

    /** UTF-16 offsets in {@link #text()}, ascending, of the U+FFFD characters that replaced invalid UTF-8. */
    public int[] malformed() {
        return malformed.clone();
    }

    /**
     * The 1-based line and code-point column of every replaced sequence, as {@code line << 32 | column},
     * ascending: one pass over the text, however many there are.
     */
    public long[] malformedPositions() {
        long[] out = new long[malformed.length];
        int line = 1;
        int column = 1;
        int at = 0;
        int piece = 0;
        for (int k = 0; k < malformed.length; k++) {
            for (; at < malformed[k]; at++) {
                // The pieces in order, as the pass goes: no search per character.
                while (at - pieceStarts[piece] >= pieces[piece].length()) {
                    piece++;
                }
                char c = pieces[piece].charAt(at - pieceStarts[piece]);
                if (c == '\n') {
                    line++;
                    column = 1;
                } else if (!Character.isLowSurrogate(c)) {
                    column++;
                }
            }
            out[k] = ((long) line << 32) | column;
        }
        return out;
    }

    /** A growable int array, so that millions of invalid bytes do not become millions of boxes. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** The number of lines; an empty file has one (empty) line. */
    public int lineCount() {
        return lineStarts().length;
    }

    /** The text of a 1-based line without its line terminator, or "" when out of range. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : length;
        String raw = slice(start, end);
        int cut = raw.length();
        while (cut > 0 && (raw.charAt(cut - 1) == '\n' || raw.charAt(cut - 1) == '\r')) {
            cut--;
        }
        return raw.substring(0, cut);
    }

    /** The 1-based line and code-point column of a UTF-16 offset in {@link #text()}. */
    public int[] lineAndColumn(int offset) {
        int[] starts = lineStarts();
        int low = lastAtOrBefore(starts, offset);
        int end = Math.min(offset, length);
        int column = slice(starts[low], end).codePointCount(0, end - starts[low]) + 1;
        return new int[] {low + 1, column};
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            IntList starts = new IntList();
            starts.add(0);
            for (int piece = 0; piece < pieces.length; piece++) {
                String text = pieces[piece];
                for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                    starts.add(pieceStarts[piece] + i + 1);
                }
            }
            lineStarts = starts.toArray();
        }
        return lineStarts;
    }

    @Override
    public String toString() {
        return path;
    }
}

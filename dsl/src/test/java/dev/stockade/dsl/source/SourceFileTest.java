package dev.stockade.dsl.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large file is kept in pieces of whole lines (so that G1 never sees one huge object): its text,
 * lines, positions and replaced bytes read exactly as they would from one string.
 */
class SourceFileTest {

    /** Lines of every length around the piece size, some with a CRLF, a non-Latin-1 line, a line longer than a piece. */
    private static String largeText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 5 * SourceFile.PIECE; i++) {
            text.append("server s").append(i).append(" { read \"/srv/").append("x".repeat(i % 97)).append("\" }");
            text.append(i % 7 == 0 ? "\r\n" : "\n");
            if (i == 300) {
                text.append("# ünïcödé 😀 line\n");
            }
            if (i == 900) {
                text.append("#").append("y".repeat(SourceFile.PIECE + 10)).append('\n');
            }
        }
        return text.append("last line without a break").toString();
    }

    private static int[] expectedLineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, text.codePointCount(lineStart, offset) + 1};
    }

    @Test
    void aLargeFileReadsExactlyAsItsWholeText() {
        String text = largeText();
        SourceFile file = SourceFile.of("big.stockade", text);

        assertThat(file.text()).isEqualTo(text);
        assertThat(file.isEmpty()).isFalse();
        String[] lines = text.split("\n", -1);
        assertThat(file.lineCount()).isEqualTo(lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertThat(file.line(i + 1)).as("line %d", i + 1).isEqualTo(lines[i].replaceAll("\r+$", ""));
        }
        assertThat(file.line(0)).isEmpty();
        assertThat(file.line(lines.length + 1)).isEmpty();
        List<Integer> offsets = new ArrayList<>(List.of(0, text.length()));
        for (int k = 1; k <= 6; k++) {
            for (int delta = -2; delta <= 2; delta++) {
                offsets.add(Math.min(text.length(), Math.max(0, k * SourceFile.PIECE + delta)));
            }
        }
        offsets.add(text.indexOf('😀') + 2);
        for (int offset : offsets) {
            assertThat(file.lineAndColumn(offset)).as("offset %d", offset).containsExactly(expectedLineAndColumn(text, offset));
        }
    }

    @Test
    void replacedBytesFarIntoALargeFileKeepTheirPositions() {
        String text = largeText();
        byte[] valid = text.getBytes(StandardCharsets.UTF_8);
        int at = text.lastIndexOf("server s");
        int byteAt = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        byte[] bytes = valid.clone();
        bytes[byteAt] = (byte) 0xFF;

        SourceFile file = SourceFile.fromBytes("big.stockade", bytes);

        assertThat(file.malformed()).containsExactly(at);
        int[] expected = expectedLineAndColumn(text, at);
        assertThat(file.malformedPositions()).containsExactly(((long) expected[0] << 32) | expected[1]);
        assertThat(file.text()).isEqualTo(text.substring(0, at) + "\uFFFD" + text.substring(at + 1));
    }

    @Test
    void aSmallOrEmptyFileIsOnePiece() {
        assertThat(SourceFile.of("e.stockade", "").isEmpty()).isTrue();
        assertThat(SourceFile.of("e.stockade", "").lineCount()).isEqualTo(1);
        SourceFile small = SourceFile.of("s.stockade", "\uFEFFa\nb");
        assertThat(small.text()).isEqualTo("a\nb");
        assertThat(small.line(2)).isEqualTo("b");
        assertThat(small.lineAndColumn(3)).containsExactly(2, 2);
    }
}

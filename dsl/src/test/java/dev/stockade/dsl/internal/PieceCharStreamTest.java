package dev.stockade.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.internal.antlr.StockadeLexer;
import dev.stockade.dsl.source.SourceFile;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.junit.jupiter.api.Test;

/** The lexer's input over a file's pieces reads exactly what ANTLR's own stream of the whole text reads. */
class PieceCharStreamTest {

    /** Several pieces of policy text (each piece holds whole lines of at most 64 Ki characters). */
    private static String largeText() {
        StringBuilder text = new StringBuilder("stockade 1\n");
        for (int i = 0; text.length() < 300_000; i++) {
            text.append("server s").append(i).append(" {\n  command \"/usr/bin/node\" \"/opt/é").append(i)
                    .append("\"\n  network {\n    allow tcp 192.0.2.").append(i % 250).append(" port 443\n  }\n}\n");
        }
        return text.toString();
    }

    @Test
    void aLargeFileLexesToTheSameTokensAsTheWholeText() {
        String text = largeText();
        SourceFile source = SourceFile.of("big.stockade", text);
        assertThat(source.pieces()).hasSizeGreaterThan(3);
        CharStream pieces = PieceCharStream.of(source);
        assertThat(pieces).isInstanceOf(PieceCharStream.class);
        List<? extends Token> expected = new StockadeLexer(CharStreams.fromString(text, "big.stockade")).getAllTokens();
        List<? extends Token> actual = new StockadeLexer(pieces).getAllTokens();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Token e = expected.get(i);
            Token a = actual.get(i);
            assertThat(List.of(a.getType(), a.getText(), a.getLine(), a.getCharPositionInLine(), a.getStartIndex(), a.getStopIndex()))
                    .as("token %d", i)
                    .isEqualTo(List.of(e.getType(), e.getText(), e.getLine(), e.getCharPositionInLine(), e.getStartIndex(), e.getStopIndex()));
        }
    }

    @Test
    void textLookAheadAndLookBehindMatchTheWholeText() {
        String text = largeText();
        CharStream whole = CharStreams.fromString(text, "big.stockade");
        CharStream pieces = PieceCharStream.of(SourceFile.of("big.stockade", text));
        assertThat(pieces.size()).isEqualTo(whole.size());
        assertThat(pieces.getSourceName()).isEqualTo(whole.getSourceName());
        Random random = new Random(3);
        for (int k = 0; k < 2_000; k++) {
            int a = random.nextInt(text.length() + 10) - 5;
            int b = a + random.nextInt(140_000) - 10;
            assertThat(pieces.getText(Interval.of(a, b))).as("text %d..%d", a, b).isEqualTo(whole.getText(Interval.of(Math.max(0, a), b)));
            int at = random.nextInt(text.length() + 1);
            whole.seek(at);
            pieces.seek(at);
            for (int i : new int[] {-3, -1, 0, 1, 2, 5}) {
                assertThat(pieces.LA(i)).as("LA(%d) at %d", i, at).isEqualTo(whole.LA(i));
            }
        }
        pieces.seek(text.length());
        assertThat(pieces.LA(1)).isEqualTo(IntStream.EOF);
    }

    @Test
    void aTextWithASurrogatePairIsReadByCodePoint() {
        String text = "stockade 1\nserver s { description \"\uD83D\uDD12 locked\" }\n";
        CharStream stream = PieceCharStream.of(SourceFile.of("emoji.stockade", text));
        assertThat(stream).isNotInstanceOf(PieceCharStream.class);
        assertThat(stream.size()).isEqualTo(text.codePointCount(0, text.length()));
    }
}

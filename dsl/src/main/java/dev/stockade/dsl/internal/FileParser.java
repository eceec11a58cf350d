package dev.stockade.dsl.internal;

import dev.stockade.dsl.internal.antlr.StockadeLexer;
import dev.stockade.dsl.internal.antlr.StockadeParser;
import dev.stockade.dsl.model.PolicyFile;
import dev.stockade.dsl.source.SourceFile;
import dev.stockade.dsl.source.Span;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one file: lexer, parser with Stockade's error strategy (ANTLR's console listeners
 * removed), then the model builder. Never throws for bad input: every problem is a diagnostic.
 */
public final class FileParser {

    private FileParser() {
    }

    /** The file's model, or empty when the file was abandoned after too many syntax errors. */
    public static Optional<PolicyFile> parse(SourceFile source, Sink sink) {
        long[] malformed = malformed(source, sink);
        StockadeLexer lexer = new StockadeLexer(PieceCharStream.of(source));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        StockadeParser parser = new StockadeParser(tokens);
        parser.removeErrorListeners();
        try {
            StockadeParser.PolicyFileContext tree = malformed.length == 0 ? fast(parser) : null;
            boolean recovered = tree == null;
            if (recovered) {
                // The full parse: LL prediction and Stockade's recovery, which reports every error.
                tokens.seek(0);
                parser.reset();
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                parser.setErrorHandler(new SyntaxErrors(source.path(), sink, malformed));
                tree = parser.policyFile();
            }
            return Optional.of(new ModelBuilder(source.path(), sink, recovered).build(tree));
        } catch (SyntaxErrors.TooMany stop) {
            int line = Math.max(1, stop.at.getLine());
            int column = stop.at.getCharPositionInLine() + 1;
            sink.error("syntax", Span.of(source.path(), line, column, column),
                    SyntaxErrors.TOO_MANY,
                    "is this a .stockade policy? fix the first errors and run again");
            return Optional.empty();
        }
    }

    /**
     * The standard two-stage parse, first stage: SLL prediction (no full-context lookahead) with
     * an error strategy that gives up at the first problem. A file it parses is syntactically
     * valid and gets the same tree as with LL; anything else (a syntax error, or a decision SLL
     * cannot make) returns null and the file is parsed again in full, so diagnostics are the
     * same. Most files are valid, and SLL is much cheaper.
     */
    private static StockadeParser.PolicyFileContext fast(StockadeParser parser) {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.policyFile();
        } catch (ParseCancellationException | RecognitionException failed) {
            return null;
        }
    }

    /** Reports the first invalid UTF-8 sequences; returns all their positions for the syntax errors to skip. */
    private static long[] malformed(SourceFile source, Sink sink) {
        long[] positions = source.malformedPositions();
        for (int k = 0; k < Math.min(positions.length, SyntaxErrors.MAX_ERRORS); k++) {
            int line = (int) (positions[k] >>> 32);
            int column = (int) positions[k];
            sink.error("syntax", Span.of(source.path(), line, column, column + 1), "invalid UTF-8 byte sequence",
                    "save the file as UTF-8");
        }
        return positions;
    }
}

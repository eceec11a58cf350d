package dev.stockade.dsl.internal;

import dev.stockade.dsl.internal.antlr.StockadeParser;
import dev.stockade.dsl.model.Address;
import dev.stockade.dsl.model.Count;
import dev.stockade.dsl.model.DurationValue;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Percent;
import dev.stockade.dsl.model.PortSet;
import dev.stockade.dsl.model.Size;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.source.Span;
import dev.stockade.dsl.diagnostic.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * What every part of the model builder shares: spans from tokens, typed literals from parse
 * contexts, and the once-only bookkeeping of a block. Contexts that hold a syntax error (already
 * reported by {@link SyntaxErrors}) are skipped, never half-built.
 */
abstract class BuilderBase {

    final String file;
    final Sink sink;
    // INVARIANT: false only for a tree the bailing first-stage parse accepted, which holds no error.
    private final boolean recovered;

    BuilderBase(String file, Sink sink, boolean recovered) {
        this.file = file;
        this.sink = sink;
        this.recovered = recovered;
    }

    Span span(Token token) {
        int column = token.getCharPositionInLine() + 1;
        return Span.of(file, Math.max(1, token.getLine()), column, column + length(token));
    }

    /**
     * The token's length in code points. A token the lexer read (it has a place in the token
     * stream; the lexer never rewrites a token's text) spans its start to stop index of the
     * code point stream, so its text need not be made; one that error recovery made up has only
     * its text.
     */
    private static int length(Token token) {
        if (token.getType() == Token.EOF) {
            return 0;
        }
        if (token.getTokenIndex() >= 0 && token.getStartIndex() >= 0) {
            return token.getStopIndex() - token.getStartIndex() + 1;
        }
        String text = token.getText();
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        Span first = span(start);
        if (stop == null || stop.getTokenIndex() < start.getTokenIndex()) {
            return first;
        }
        Span last = span(stop);
        return new Span(file, first.line(), first.column(), last.endLine(), last.endColumn());
    }

    /**
     * True when the context, or anything below it, was produced by error recovery. A tree that was
     * parsed without recovery has no such part, and is not walked again statement by statement.
     */
    boolean broken(ParseTree tree) {
        return recovered && holdsError(tree);
    }

    private static boolean holdsError(ParseTree tree) {
        if (tree instanceof ErrorNode) {
            return true;
        }
        if (tree instanceof TerminalNode terminal) {
            return terminal.getSymbol().getTokenIndex() < 0;
        }
        if (tree instanceof ParserRuleContext ctx && (ctx.exception != null || missingSet(ctx))) {
            return true;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (holdsError(tree.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rule that matches one token of a set ({@code name}, {@code address}, a filesystem verb) and
     * matched none: ANTLR's inline recovery conjures the missing token but does not add it to the
     * tree, and sets no exception, so the context is simply empty.
     */
    private static boolean missingSet(ParserRuleContext ctx) {
        return ctx.getChildCount() == 0 && (ctx instanceof StockadeParser.NameContext
                || ctx instanceof StockadeParser.AddressContext || ctx instanceof StockadeParser.FsVerbContext);
    }

    /**
     * Two statements of one block need a line break or {@code ;} between them. The grammar lets
     * them touch so that recovery stays inside the block; this is where it is enforced.
     */
    void requireSeparators(ParserRuleContext body) {
        ParserRuleContext previous = null;
        for (int i = 0; i < body.getChildCount(); i++) {
            ParseTree child = body.getChild(i);
            ParserRuleContext stmt = child instanceof ParserRuleContext rule && !(rule instanceof StockadeParser.SepContext)
                    ? rule : null;
            if (stmt != null && previous != null) {
                adjacent(previous, stmt);
            }
            previous = stmt;
        }
    }

    /**
     * Two statements with nothing between them. Where the second is a stray word after a broken or
     * complete statement ({@code memory 10 MiB}, {@code tasks x}), one diagnostic says it all.
     */
    private void adjacent(ParserRuleContext previous, ParserRuleContext stmt) {
        Token start = stmt.getStart();
        boolean stray = start.getType() == StockadeParser.IDENT && !(stmt instanceof StockadeParser.TopItemContext top
                && top.unknownStmt() == null);
        if (!stray) {
            sink.error("syntax", span(start), "two statements on one line need a ; between them",
                    "put a ; or a line break before " + Quote.of(start.getText()));
            return;
        }
        Token last = previous.getStop();
        if (broken(previous)) {
            suppressed.add(start.getTokenIndex());
        } else if (last != null && last.getType() == StockadeParser.LITERAL
                && UNITS.containsKey(start.getText().toLowerCase(java.util.Locale.ROOT))) {
            suppressed.add(start.getTokenIndex());
            unitSplitOff.add(last.getTokenIndex());
            String unit = UNITS.get(start.getText().toLowerCase(java.util.Locale.ROOT));
            sink.error("syntax", span(start), "unit " + Quote.of(start.getText()) + " is separated from its number",
                    "write the number and its unit without a space, in the unit's own case: " + last.getText() + unit);
        }
    }

    /** Units by their lower-case spelling, to their one correct spelling ({@code 5 mb} → {@code 5MB}). */
    private static final java.util.Map<String, String> UNITS = java.util.Map.ofEntries(
            java.util.Map.entry("b", "B"), java.util.Map.entry("kib", "KiB"), java.util.Map.entry("mib", "MiB"),
            java.util.Map.entry("gib", "GiB"), java.util.Map.entry("kb", "KB"), java.util.Map.entry("mb", "MB"),
            java.util.Map.entry("gb", "GB"), java.util.Map.entry("ms", "ms"), java.util.Map.entry("s", "s"),
            java.util.Map.entry("m", "m"), java.util.Map.entry("h", "h"), java.util.Map.entry("%", "%"));
    private final java.util.Set<Integer> suppressed = new java.util.HashSet<>();
    // Numbers whose unit was written after a space: already reported at the unit, so "has no unit" would repeat it.
    private final java.util.Set<Integer> unitSplitOff = new java.util.HashSet<>();

    private boolean unitSplitOff(ParserRuleContext literal) {
        return unitSplitOff.contains(literal.getStart().getTokenIndex());
    }

    /**
     * {@code cpu 50 %}: the recovering parse keeps the stray {@code %} as an error node right after
     * the statement, and has reported it with the fix ({@code SyntaxErrors.percentAfterSpace}).
     */
    private static boolean percentSignAfterStatement(StockadeParser.PercentContext percent) {
        ParserRuleContext statement = percent.getParent();
        ParseTree body = statement == null ? null : statement.getParent();
        if (body == null || statement.getStop() != percent.getStop()) {
            return false;
        }
        for (int i = 0; i + 1 < body.getChildCount(); i++) {
            if (body.getChild(i) == statement) {
                return body.getChild(i + 1) instanceof ErrorNode stray && stray.getText().equals("%")
                        && stray.getSymbol().getLine() == percent.getStop().getLine();
            }
        }
        return false;
    }

    /** A statement no block of this name knows: say so, and suggest the nearest one. */
    void unknown(StockadeParser.UnknownStmtContext ctx, String block) {
        if (suppressed.contains(ctx.IDENT().getSymbol().getTokenIndex())) {
            return;
        }
        String word = ctx.IDENT().getText();
        List<String> here = Statements.BY_BLOCK.get(block);
        Optional<String> close = Suggestions.closest(word, new TreeSet<>(here));
        String where = block.equals("file") ? "at the top of the file" : "in " + block;
        String hint;
        if (close.isPresent()) {
            hint = "did you mean " + Quote.of(close.get()) + "?";
        } else {
            hint = elsewhere(word, block).orElse(block.equals("file")
                    ? "a policy file holds stockade 1 and server NAME { ... } blocks"
                    : "the statements of " + block + " are " + String.join(", ", here));
        }
        sink.error("syntax", span(ctx.IDENT().getSymbol()), "unknown statement " + Quote.of(word) + " " + where, hint);
    }

    /** "read belongs inside filesystem { }" when the word (or a near miss) is a statement of another block. */
    private static Optional<String> elsewhere(String word, String block) {
        for (Map.Entry<String, List<String>> other : new TreeMap<>(Statements.BY_BLOCK).entrySet()) {
            if (other.getKey().equals(block) || other.getKey().equals("file")) {
                continue;
            }
            Optional<String> match = other.getValue().contains(word) ? Optional.of(word)
                    : Suggestions.closest(word, new TreeSet<>(other.getValue()));
            if (match.isPresent()) {
                String container = other.getKey().equals("server") ? "a server { } block" : other.getKey() + " { }";
                return Optional.of(Quote.of(match.get()) + " belongs inside " + container);
            }
        }
        return Optional.empty();
    }

    // ---- literals ----

    /** A decoded string that must not hold a control character ({@code string-control}). */
    Text text(StockadeParser.StringContext ctx, String what) {
        Span span = span(ctx);
        String value = Strings.decode(ctx.STRING().getText(), span, sink);
        int control = Strings.firstControl(value);
        if (control >= 0) {
            sink.error("string-control", span, what + " " + Quote.of(value) + " holds the control character "
                    + Quote.codePoint(control), "remove it; generated files carry this text verbatim");
        }
        return new Text(value, span);
    }

    PathValue path(StockadeParser.StringContext ctx) {
        Span span = span(ctx);
        return Paths.check(Strings.decode(ctx.STRING().getText(), span, sink), span, sink);
    }

    Name name(StockadeParser.NameContext ctx, NameKind kind) {
        return Names.check(kind, ctx.getText(), span(ctx), sink);
    }

    Optional<Size> size(StockadeParser.SizeContext ctx) {
        if (unitSplitOff(ctx)) {
            return Optional.empty();
        }
        return Literals.size(ctx.getText(), span(ctx), sink);
    }

    Optional<DurationValue> duration(StockadeParser.DurationContext ctx) {
        if (unitSplitOff(ctx)) {
            return Optional.empty();
        }
        return Literals.duration(ctx.getText(), span(ctx), sink);
    }

    Optional<Percent> percent(StockadeParser.PercentContext ctx) {
        if (unitSplitOff(ctx) || percentSignAfterStatement(ctx)) {
            return Optional.empty();
        }
        return Literals.percent(ctx.getText(), span(ctx), sink);
    }

    Optional<Count> count(StockadeParser.CountContext ctx) {
        return Literals.count(ctx.getText(), span(ctx), sink);
    }

    Optional<PortSet> ports(StockadeParser.PortsContext ctx) {
        List<TerminalNode> parts = ctx.LITERAL();
        if (parts.size() == 1) {
            return Ports.parse(ctx.getText(), span(ctx), sink);
        }
        // A port list split by spaces: one finding for the whole list, not one per piece.
        List<String> pieces = parts.stream().map(TerminalNode::getText).toList();
        String written = String.join(" ", pieces);
        if (pieces.get(0).endsWith(",")) {
            sink.error("syntax", span(ctx), "port list " + Quote.of(written) + " has a space after a comma",
                    "write the list without spaces: " + String.join("", pieces));
        } else {
            sink.error("syntax", span(parts.get(1).getSymbol()), Quote.of(pieces.get(1)) + " follows the port list "
                    + Quote.of(pieces.get(0)) + " without a comma", "separate ports with commas, without spaces: "
                    + String.join(",", pieces));
        }
        return Optional.empty();
    }

    Optional<Address> address(StockadeParser.AddressContext ctx) {
        Span span = span(ctx);
        if (ctx.STRING() != null) {
            return Addresses.parse(Strings.decode(ctx.STRING().getText(), span, sink), true, span, sink);
        }
        return Addresses.parse(ctx.getText(), false, span, sink);
    }

    /** Tracks once-only statements of one block and reports the second of each. */
    final class Once {
        private final String block;
        private final Map<String, Span> seen = new HashMap<>();

        Once(String block) {
            this.block = block;
        }

        boolean seen(String keyword) {
            return seen.containsKey(keyword);
        }

        /** True the first time {@code keyword} is seen in this block; reports every later time. */
        boolean first(String keyword, ParserRuleContext statement) {
            Span span = span(statement);
            Span earlier = seen.putIfAbsent(keyword, span);
            if (earlier == null) {
                return true;
            }
            sink.error("duplicate-statement", span, "duplicate " + Quote.of(keyword) + " in " + block,
                    "remove one; " + Quote.of(keyword) + " may appear once and was already given at line " + earlier.line());
            return false;
        }

        /**
         * What {@code build} makes of the statement when it is the block's first {@code keyword},
         * else {@code kept}. A duplicate's value is built all the same, after the duplicate is
         * reported, so what is wrong inside it is reported in the same run; then it is dropped.
         */
        <T> T keep(String keyword, ParserRuleContext statement, T kept, Supplier<T> build) {
            boolean first = first(keyword, statement);
            T built = build.get();
            return first ? built : kept;
        }
    }
}

package dev.stockade.dsl.internal;

import dev.stockade.dsl.diagnostic.Suggestions;
import dev.stockade.dsl.internal.antlr.StockadeLexer;
import dev.stockade.dsl.internal.antlr.StockadeParser;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * ANTLR's recovery with Stockade's messages: "unexpected X, expected one of ..." in the user's
 * terms (a string, a size, `read`), the offending token spanned, a hint where one is cheap.
 * After {@link #MAX_ERRORS} errors in one file it stops the parse.
 */
final class SyntaxErrors extends DefaultErrorStrategy {

    static final int MAX_ERRORS = 50;
    static final String TOO_MANY = "too many syntax errors; stopped after " + MAX_ERRORS;

    /** Where skipping a stray token stops: the statement ends, or its block does. */
    private static final IntervalSet END_OF_STATEMENT =
            new IntervalSet(StockadeLexer.NL, StockadeLexer.SEMI, StockadeLexer.RBRACE, Token.EOF);

    /** Thrown to abandon a file that is mostly not a policy (binary garbage, say). */
    static final class TooMany extends RuntimeException {
        final transient Token at;

        TooMany(Token at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    private final String file;
    private final Sink sink;
    private final long[] alreadyReported;
    private int count;

    /**
     * {@code alreadyReported}: positions ({@code line << 32 | column}, ascending) of invalid UTF-8,
     * which has a diagnostic of its own.
     */
    SyntaxErrors(String file, Sink sink, long[] alreadyReported) {
        this.file = file;
        this.sink = sink;
        this.alreadyReported = alreadyReported;
    }


    /**
     * ANTLR leaves a loop that may end ({@code (stmt | sep)*}) on any token it cannot use, so a
     * stray token inside a block ({@code port 80 443}, {@code @}) used to be reported by the
     * enclosing rule, whose recovery then swallowed the block's {@code }} and reported the
     * server's {@code }} as a second, spurious error. When no rule on the stack can take the token,
     * it is junk right here: report it once and skip to what the block can continue with.
     */
    @Override
    public void sync(Parser recognizer) throws RecognitionException {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        int la = recognizer.getInputStream().LA(1);
        boolean loop = switch (state.getStateType()) {
            case ATNState.STAR_LOOP_ENTRY, ATNState.STAR_LOOP_BACK, ATNState.PLUS_LOOP_BACK -> true;
            default -> false;
        };
        IntervalSet here = recognizer.getATN().nextTokens(state);
        if (!loop || here.contains(la)) {
            super.sync(recognizer);
            return;
        }
        // At a loop that must be entered or ended by a fixed token (the file's EOF), ANTLR would
        // throw and the rule's recovery would skip to that token: to the end of the file.
        boolean mustEnterOrEnd = state.getStateType() == ATNState.STAR_LOOP_ENTRY && !here.contains(Token.EPSILON);
        IntervalSet expected = recognizer.getExpectedTokens();
        if ((mustEnterOrEnd && singleTokenDeletion(recognizer) == null)
                || (here.contains(Token.EPSILON) && !expected.contains(la))) {
            skipStray(recognizer, expected);
            return;
        }
        super.sync(recognizer);
    }

    /**
     * Reports the stray token once and skips it and the rest of its statement, up to a line break,
     * {@code ;}, the end of the file, or a {@code }} that an enclosing block can take. The stray
     * token itself is always skipped, so the parse moves on even when it is a {@code }} no block
     * can take (a stray one at the top of a file).
     */
    private void skipStray(Parser recognizer, IntervalSet expected) {
        reportUnwantedToken(recognizer);
        recognizer.consume();
        IntervalSet stop = new IntervalSet(StockadeLexer.NL, StockadeLexer.SEMI, Token.EOF);
        if (expected.contains(StockadeLexer.RBRACE)) {
            stop.add(StockadeLexer.RBRACE);
        }
        consumeUntil(recognizer, stop);
    }

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        report(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        if (e instanceof NoViableAltException noViable) {
            reportNoViableAlternative(recognizer, noViable);
        } else if (e instanceof InputMismatchException mismatch) {
            reportInputMismatch(recognizer, mismatch);
        } else {
            report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
        }
    }

    private void report(Parser parser, Token offending, IntervalSet expected) {
        if (++count > MAX_ERRORS) {
            throw new TooMany(offending);
        }
        Span at = span(offending);
        if (java.util.Arrays.binarySearch(alreadyReported, ((long) at.line() << 32) | at.column()) >= 0) {
            return;
        }
        String rule = parser.getContext() == null ? "" : parser.getRuleNames()[parser.getContext().getRuleIndex()];
        Expected terms = Expected.of(expected, rule, parser);
        String found = describe(offending);
        String message = offending.getType() == StockadeLexer.UNTERMINATED_STRING ? "unterminated string"
                : percentAfterSpace(parser, offending) ? "unit \"%\" is separated from its number"
                : "unexpected " + found + ", expected " + terms.text();
        sink.error("syntax", span(offending), message, hint(parser, offending, terms));
    }

    private String hint(Parser parser, Token offending, Expected terms) {
        int type = offending.getType();
        if (type == StockadeLexer.UNTERMINATED_STRING) {
            return "close the string with \" on the same line; strings cannot span lines";
        }
        if (type == StockadeLexer.BAD_CHAR) {
            int cp = offending.getText().codePointAt(0);
            if (cp == 0x201C || cp == 0x201D) {
                return "use straight double quotes \"...\"";
            }
            if (terms.wantsAddress()) {
                return "quote host names and IPv6 addresses, e.g. \"::1\"";
            }
            if (percentAfterSpace(parser, offending)) {
                return "write the number and its unit without a space: " + parser.getInputStream().LT(-1).getText() + "%";
            }
            return "remove it; outside strings a policy holds only names, numbers, addresses, { } = and ;";
        }
        String text = offending.getText();
        Token previous = parser.getInputStream().LT(-1);
        if (previous != null && previous.getType() == StockadeLexer.LITERAL && looksLikeUnit(text)) {
            return "write the number and its unit without a space: " + previous.getText() + text;
        }
        if (terms.keywords().size() > 0 && (type == StockadeLexer.IDENT || isKeyword(type))) {
            var suggestion = Suggestions.closest(text, terms.keywords());
            if (suggestion.isPresent()) {
                return "did you mean " + Quote.of(suggestion.get()) + "?";
            }
        }
        Optional<String> home = isKeyword(type) && terms.terms().contains("`}`") ? blockOf(text) : Optional.empty();
        if (home.isPresent()) {
            return Quote.of(text) + " belongs inside " + home.get();
        }
        if (type == Token.EOF && terms.terms().contains("`}`")) {
            return "a block is not closed: add the missing `}`";
        }
        if (terms.endOfStatement() && previous != null && previous.getLine() == offending.getLine()) {
            return "a statement ends at a line break or ';': put one before " + describe(offending);
        }
        if (type == StockadeLexer.IDENT && terms.wantsAddress()) {
            return "quote host names and IPv6 addresses: \"" + text + "\"";
        }
        return "write " + terms.text() + " here";
    }

    /** Where a statement keyword that is out of place belongs: "filesystem { }" for read. */
    private static Optional<String> blockOf(String word) {
        return new java.util.TreeMap<>(Statements.BY_BLOCK).entrySet().stream()
                .filter(block -> !block.getKey().equals("file") && block.getValue().contains(word))
                .map(block -> block.getKey().equals("server") ? "a server { } block" : block.getKey() + " { }")
                .findFirst();
    }

    private static boolean looksLikeUnit(String word) {
        return List.of("b", "kib", "mib", "gib", "kb", "mb", "gb", "ms", "s", "m", "h", "%")
                .contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * {@code cpu 50 %}: a {@code %} after a number on the same line. The model builder leaves the
     * number alone then ({@code BuilderBase.percent}), so this is the one finding.
     */
    static boolean percentAfterSpace(Parser parser, Token offending) {
        Token previous = parser.getInputStream().LT(-1);
        if (offending.getType() != StockadeLexer.BAD_CHAR || !offending.getText().equals("%") || previous == null
                || previous.getType() != StockadeLexer.LITERAL || previous.getLine() != offending.getLine()) {
            return false;
        }
        // Only where the statement just read ends in a percentage: after a size or a count, a % is no unit of it.
        ParserRuleContext body = parser.getContext();
        ParseTree statement = body == null || body.getChildCount() == 0 ? null : body.getChild(body.getChildCount() - 1);
        return statement instanceof ParserRuleContext rule && rule.getChildCount() > 0
                && rule.getChild(rule.getChildCount() - 1) instanceof StockadeParser.PercentContext;
    }

    static boolean isKeyword(int type) {
        return type >= StockadeLexer.STOCKADE && type <= StockadeLexer.BECAUSE;
    }

    /** How a message names the token the parser tripped on. */
    static String describe(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of file";
            case StockadeLexer.NL -> "end of line";
            case StockadeLexer.STRING -> "string " + Quote.of(token.getText().substring(1, token.getText().length() - 1));
            case StockadeLexer.UNTERMINATED_STRING -> "unterminated string";
            case StockadeLexer.BAD_CHAR -> {
                int cp = token.getText().codePointAt(0);
                yield Strings.isControl(cp) || cp == 0xFFFD ? "character " + Quote.codePoint(cp)
                        : "character " + Quote.of(token.getText()) + " (" + Quote.codePoint(cp) + ")";
            }
            default -> Quote.of(token.getText());
        };
    }

    private Span span(Token token) {
        int column = token.getCharPositionInLine() + 1;
        int length = token.getType() == Token.EOF || token.getType() == StockadeLexer.NL
                ? 0 : token.getText().codePointCount(0, token.getText().length());
        return Span.of(file, Math.max(1, token.getLine()), column, column + length);
    }

    /** The expected token set, in the user's words. */
    record Expected(List<String> terms, List<String> keywords, boolean endOfStatement, boolean wantsAddress) {

        static Expected of(IntervalSet set, String rule, Parser parser) {
            Set<String> terms = new LinkedHashSet<>();
            List<String> keywords = new ArrayList<>();
            boolean name = set.contains(StockadeLexer.IDENT);
            boolean end = set.contains(StockadeLexer.NL) || set.contains(StockadeLexer.SEMI);
            boolean address = rule.equals("address");
            for (int type : set.toArray()) {
                if (isKeyword(type)) {
                    keywords.add(StockadeLexer.VOCABULARY.getLiteralName(type).replace("'", ""));
                }
            }
            if (name) {
                terms.add("a name");
            } else {
                keywords.forEach(k -> terms.add("`" + k + "`"));
            }
            for (int type : set.toArray()) {
                String term = term(type, rule, name);
                if (term != null) {
                    terms.add(term);
                }
            }
            if (terms.isEmpty()) {
                terms.add("something else");
            }
            return new Expected(List.copyOf(terms), name ? List.of() : keywords, end, address);
        }

        private static String term(int type, String rule, boolean name) {
            return switch (type) {
                case StockadeLexer.STRING -> rule.equals("address") ? null : "a string";
                case StockadeLexer.LITERAL -> name ? null : literal(rule);
                case StockadeLexer.NL, StockadeLexer.SEMI -> "end of statement";
                case StockadeLexer.LBRACE -> "`{`";
                case StockadeLexer.RBRACE -> "`}`";
                case StockadeLexer.EQ -> "`=`";
                case Token.EOF -> "end of file";
                default -> null;
            };
        }

        private static String literal(String rule) {
            return switch (rule) {
                case "version" -> "a version number";
                case "size" -> "a size (e.g. 10MiB)";
                case "duration" -> "a duration (e.g. 30s)";
                case "percent" -> "a percentage (e.g. 50%)";
                case "count" -> "a number";
                case "ports" -> "a port list (e.g. 80,443 or 8000-8100)";
                case "address" -> "an address (e.g. 10.0.1.50, 10.0.0.0/8 or \"2001:db8::/64\")";
                default -> "a value";
            };
        }

        String text() {
            if (terms.size() == 1) {
                return terms.get(0);
            }
            return "one of " + String.join(", ", terms.subList(0, terms.size() - 1)) + " or " + terms.get(terms.size() - 1);
        }
    }
}

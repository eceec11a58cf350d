package dev.stockade.compiler.target.macos;

import java.util.ArrayList;
import java.util.List;

/**
 * A small reader for the S-expressions of an SBPL profile (TinyScheme's surface syntax as far as
 * Stockade writes it): lists, symbols, strings with the escapes {@code \" \\ \n \t \r \xHH}, and
 * {@code ;} line comments. Anything else, including {@code #} outside a string (a {@code #|}
 * block comment, {@code #t}) and an unbalanced parenthesis, is a failure: the generator never
 * writes them, so their presence means a value escaped its string.
 */
final class Sexp {

    sealed interface Node permits Sym, Str, Lst {
    }

    record Sym(String name) implements Node {
    }

    record Str(String value) implements Node {
    }

    record Lst(List<Node> items) implements Node {
        Node get(int i) {
            return items.get(i);
        }

        int size() {
            return items.size();
        }
    }

    private final String text;
    private int pos;

    private Sexp(String text) {
        this.text = text;
    }

    /** Every top-level form of {@code text}; throws {@link IllegalArgumentException} with the offset on bad syntax. */
    static List<Lst> read(String text) {
        Sexp reader = new Sexp(text);
        List<Lst> forms = new ArrayList<>();
        while (reader.skipSpace()) {
            Node node = reader.node();
            if (!(node instanceof Lst list)) {
                throw reader.fail("a top-level form must be a list");
            }
            forms.add(list);
        }
        return forms;
    }

    /** Skips blanks and comments; false at the end of the text. */
    private boolean skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ';') {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else if (c == ' ' || c == '\n' || c == '\t') {
                pos++;
            } else {
                return true;
            }
        }
        return false;
    }

    private Node node() {
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            List<Node> items = new ArrayList<>();
            while (true) {
                if (!skipSpace()) {
                    throw fail("unclosed (");
                }
                if (text.charAt(pos) == ')') {
                    pos++;
                    return new Lst(List.copyOf(items));
                }
                items.add(node());
            }
        }
        if (c == ')') {
            throw fail("unbalanced )");
        }
        if (c == '"') {
            return string();
        }
        return symbol();
    }

    private Str string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return new Str(out.toString());
            }
            if (c == '\n') {
                throw fail("a string runs past the end of its line");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'x' -> {
                    if (pos + 2 > text.length() || !isHex(text.charAt(pos)) || !isHex(text.charAt(pos + 1))) {
                        throw fail("\\x needs two hex digits");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                default -> throw fail("unknown escape \\" + e);
            }
        }
        throw fail("unclosed string");
    }

    private Sym symbol() {
        int start = pos;
        while (pos < text.length() && "()\"; \n\t".indexOf(text.charAt(pos)) < 0) {
            char c = text.charAt(pos);
            if (c == '#' || c == '\'' || c == '`' || c == ',' || c == '|' || c == '\\' || c < 0x20 || c > 0x7E) {
                throw fail("character '" + c + "' outside a string");
            }
            pos++;
        }
        return new Sym(text.substring(start, pos));
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private IllegalArgumentException fail(String message) {
        return new IllegalArgumentException(message + " at offset " + pos);
    }
}

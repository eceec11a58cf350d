package dev.stockade.compiler.target.escape;

/**
 * Text in macOS pf.conf anchors. The only user text in a rule is the server's user name, written
 * as a double-quoted pf string ({@code user "mcp-notes"}); pf strings have no escapes, so a name
 * that a quote, backslash, whitespace or control character would break is refused, never altered
 * (a changed name would match another user). Comments go through {@link CommentEscape#line}.
 */
public final class PfEscape {

    private static final int MAX = 255;

    private PfEscape() {
    }

    /** A user or group name as a quoted pf string. */
    public static String string(String name) {
        boolean valid = !name.isEmpty() && name.length() <= MAX
                && name.codePoints().allMatch(c -> c > 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '#');
        if (!valid) {
            throw new IllegalArgumentException("not a name pf can take: " + CommentEscape.line(name));
        }
        return "\"" + name + "\"";
    }
}

package dev.stockade.compiler.target.escape;

/**
 * Text inside a comment line of any format: one line, nothing that could end the comment. Control
 * characters (already rejected by the parser) become spaces; {@code *}{@code /} cannot close a
 * block comment because the formats Stockade writes use line comments only.
 */
public final class CommentEscape {

    private CommentEscape() {
    }

    public static String line(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? ' ' : cp));
        return out.toString();
    }
}

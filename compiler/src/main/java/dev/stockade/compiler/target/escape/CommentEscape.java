package dev.stockade.compiler.target.escape;

/**
 * Text inside a comment line of any format: one line, nothing that could end the comment. Control
 * characters (already rejected by the parser) become spaces; {@code *}{@code /} cannot close a
 * block comment because the formats Stockade writes use line comments only.
 */
public final class CommentEscape {

    private CommentEscape() {
    }

    // INVARIANT: every character replaced is in the BMP and not a surrogate, so a loop over chars
    // treats each code point as a loop over code points would.
    public static String line(String text) {
        int i = 0;
        while (i < text.length() && !breaksLine(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        char[] out = text.toCharArray();
        for (; i < out.length; i++) {
            if (breaksLine(out[i])) {
                out[i] = ' ';
            }
        }
        return new String(out);
    }

    /** Controls and the Unicode line and paragraph separators. */
    static boolean breaksLine(char c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }
}

package dev.stockade.compiler.target.escape;

/**
 * The description of a TAP test line ({@code ok 3 - DESCRIPTION}): one line, and {@code #} written
 * as {@code \#} so that no path can turn into a {@code # SKIP} or {@code # TODO} directive.
 */
public final class TapEscape {

    private TapEscape() {
    }

    // INVARIANT: every character changed here is in the BMP and not a surrogate, so a loop over
    // chars treats each code point as a loop over code points would.
    public static String description(String text) {
        if (isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#' || c == '\\') {
                out.append('\\');
            }
            out.append(CommentEscape.breaksLine(c) ? ' ' : c);
        }
        return out.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#' || c == '\\' || CommentEscape.breaksLine(c)) {
                return false;
            }
        }
        return true;
    }
}

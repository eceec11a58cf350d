package dev.stockade.compiler.target.escape;

/**
 * The description of a TAP test line ({@code ok 3 - DESCRIPTION}): one line, and {@code #} written
 * as {@code \#} so that no path can turn into a {@code # SKIP} or {@code # TODO} directive.
 */
public final class TapEscape {

    private TapEscape() {
    }

    public static String description(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == '#' || cp == '\\') {
                out.append('\\');
            }
            out.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? ' ' : cp);
        });
        return out.toString();
    }
}

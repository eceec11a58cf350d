package dev.stockade.compiler.report;

/**
 * Makes user-controlled text safe to put on one line of a terminal or a log.
 *
 * <p>Policy text and messages quote user input, and a stray carriage return, escape sequence or
 * bidirectional override there could hide or forge report lines. Each offending code point
 * becomes exactly one U+FFFD, so caret columns counted in code points stay aligned.
 */
final class Printable {

    static final int REPLACEMENT = 0xFFFD;

    /** How many columns a tab takes in an excerpt; fixed, so reports do not depend on a terminal. */
    static final int TAB_WIDTH = 4;

    private Printable() {
    }

    /** The text with every unsafe code point, tabs included, replaced by U+FFFD. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(unsafe(cp) ? REPLACEMENT : cp));
        return out.toString();
    }

    /** How one code point of a source line is shown in an excerpt. */
    static String show(int codePoint) {
        if (codePoint == '\t') {
            return " ".repeat(TAB_WIDTH);
        }
        return Character.toString(unsafe(codePoint) ? REPLACEMENT : codePoint);
    }

    /** The number of columns {@link #show} uses for a code point, so carets can line up under it. */
    static int width(int codePoint) {
        return codePoint == '\t' ? TAB_WIDTH : 1;
    }

    static boolean unsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || isBidiControl(codePoint);
    }

    // The "Trojan Source" characters: they reorder how the rest of a line is displayed.
    private static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C
                || codePoint == 0x200E
                || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}

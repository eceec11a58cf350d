package dev.stockade.compiler.target.escape;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The double-quoted string that YAML, SBPL and systemd share: {@code "} and {@code \} escaped with
 * a backslash, and the characters a format cannot carry raw written as a hex escape in that
 * format's spelling.
 */
final class DoubleQuoted {

    private DoubleQuoted() {
    }

    /**
     * {@code value} in double quotes; each code point {@code hexEscaped} accepts is written with
     * {@code hexFormat} (a {@link String#format} pattern taking the code point).
     */
    static String quote(String value, IntPredicate hexEscaped, String hexFormat) {
        if (isPlain(value, hexEscaped)) {
            return '"' + value + '"';
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (hexEscaped.test(cp)) {
                out.append(String.format(Locale.ROOT, hexFormat, cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isPlain(String value, IntPredicate hexEscaped) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (cp == '"' || cp == '\\' || hexEscaped.test(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** C0 controls and DEL: what no format here may carry raw. */
    static boolean isControl(int cp) {
        return cp < 0x20 || cp == 0x7F;
    }
}

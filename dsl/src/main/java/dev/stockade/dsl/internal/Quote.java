package dev.stockade.dsl.internal;

/** Quotes user input for a diagnostic message: one line, control characters made visible. */
public final class Quote {

    private static final int MAX = 80;

    private Quote() {
    }

    /** {@code "value"} with escapes as the policy language writes them; long values are cut. */
    public static String of(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().limit(MAX).forEach(cp -> appendEscaped(out, cp));
        if (value.codePointCount(0, value.length()) > MAX) {
            out.append("…");
        }
        return out.append('"').toString();
    }

    /** The escaped form of one code point, as a policy string would spell it. */
    public static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            default -> {
                if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) {
                    out.append("\\u{").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append('}');
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }

    /** {@code U+000A}: how a message names a single character. */
    public static String codePoint(int cp) {
        return String.format(java.util.Locale.ROOT, "U+%04X", cp);
    }
}

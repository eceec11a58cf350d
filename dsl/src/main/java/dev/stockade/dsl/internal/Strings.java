package dev.stockade.dsl.internal;

import dev.stockade.dsl.source.Span;

/** Decodes a string token ({@code "..."} with its quotes) and checks what it may hold. */
final class Strings {

    private Strings() {
    }

    /**
     * The decoded value of a quoted string. An unknown escape is a {@code syntax} error spanning the
     * escape; it is kept as written so the rest of the string still means something.
     */
    static String decode(String raw, Span span, Sink sink) {
        if (raw.length() >= 2 && raw.charAt(0) == '"' && raw.charAt(raw.length() - 1) == '"' && raw.indexOf('\\') < 0) {
            return raw.substring(1, raw.length() - 1); // no escape: the text between the quotes, as written
        }
        int[] cps = raw.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int end = cps.length - 1; // the closing quote
        for (int i = 1; i < end; i++) {
            if (cps[i] != '\\') {
                out.appendCodePoint(cps[i]);
                continue;
            }
            int next = i + 1 < end ? cps[i + 1] : -1;
            switch (next) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int consumed = unicodeEscape(cps, i, end, out, span, sink);
                    i += consumed - 2;
                }
                default -> {
                    String written = next < 0 ? "\\" : "\\" + new String(Character.toChars(next));
                    sink.error("syntax", sub(span, i, written.codePointCount(0, written.length())),
                            "unknown escape " + written + " in a string",
                            "the escapes are \\\", \\\\, \\n, \\t and \\u{HEX}; write \\\\ for a backslash");
                    out.append(written);
                }
            }
            i++;
        }
        return out.toString();
    }

    /** Handles {@code \}{@code u{HEX}} at {@code at}; returns the number of code points it spans. */
    private static int unicodeEscape(int[] cps, int at, int end, StringBuilder out, Span span, Sink sink) {
        int close = -1;
        if (at + 2 < end && cps[at + 2] == '{') {
            for (int j = at + 3; j < end && j <= at + 10; j++) {
                if (cps[j] == '}') {
                    close = j;
                    break;
                }
            }
        }
        if (close < 0) {
            sink.error("syntax", sub(span, at, 2), "malformed unicode escape",
                    "write \\u{HEX} with 1 to 6 hex digits, e.g. \\u{E9}");
            out.append("\\u");
            return 2;
        }
        String hex = new String(cps, at + 3, close - at - 3);
        int length = close - at + 1;
        int value = hex.length() >= 1 && hex.length() <= 6 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                ? Integer.parseInt(hex, 16) : -1;
        boolean scalar = value >= 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
        if (!scalar) {
            sink.error("syntax", sub(span, at, length), "unicode escape " + Quote.of("\\u{" + hex + "}")
                    + " is not a unicode scalar value", "write 1 to 6 hex digits naming a character outside D800-DFFF");
            out.append("\\u{").append(hex).append('}');
            return length;
        }
        out.appendCodePoint(value);
        return length;
    }

    /** The first control character in {@code value}, or -1. */
    static int firstControl(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (isControl(cp)) {
                return cp;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    static boolean isControl(int cp) {
        return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029;
    }

    /** A span of {@code length} code points starting {@code offset} code points into a one-line token. */
    private static Span sub(Span token, int offset, int length) {
        return Span.of(token.file(), token.line(), token.column() + offset, token.column() + offset + length);
    }
}

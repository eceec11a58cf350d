package dev.stockade.compiler.target.escape;

import java.util.Locale;

/** Escaping for macOS sandbox profiles (SBPL, a Scheme dialect): string literals. */
public final class SbplEscape {

    private SbplEscape() {
    }

    public static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (cp < 0x20 || cp == 0x7F) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}

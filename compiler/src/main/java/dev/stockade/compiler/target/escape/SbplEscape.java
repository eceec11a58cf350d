package dev.stockade.compiler.target.escape;

/** Escaping for macOS sandbox profiles (SBPL, a Scheme dialect): string literals. */
public final class SbplEscape {

    private SbplEscape() {
    }

    public static String string(String value) {
        return DoubleQuoted.quote(value, DoubleQuoted::isControl, "\\x%02x");
    }
}

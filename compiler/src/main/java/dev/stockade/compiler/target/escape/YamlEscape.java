package dev.stockade.compiler.target.escape;

/** Escaping for YAML: every user value becomes a double-quoted scalar. */
public final class YamlEscape {

    private YamlEscape() {
    }

    public static String string(String value) {
        return DoubleQuoted.quote(value, YamlEscape::needsEscape, "\\u%04X");
    }

    /** Controls, and the characters YAML treats as line breaks or a byte order mark. */
    private static boolean needsEscape(int cp) {
        return DoubleQuoted.isControl(cp) || cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
    }
}

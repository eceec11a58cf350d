package dev.stockade.compiler.target.escape;

/**
 * Escaping for systemd unit files: every user value goes through one of these. Specifiers
 * ({@code %}) are doubled everywhere systemd expands them; {@code $} is doubled in command lines,
 * where systemd expands variables; words are double-quoted with C-style escapes.
 */
public final class SystemdEscape {

    private SystemdEscape() {
    }

    /** One argument of {@code ExecStart=}: always quoted, {@code %} and {@code $} doubled. */
    public static String execWord(String word) {
        return quoted(word).replace("$", "$$");
    }

    /** One path of a path-list setting ({@code ReadOnlyPaths=}...): quoted when it needs to be. */
    public static String path(String path) {
        return isPlain(path) ? path : quoted(path);
    }

    private static boolean isPlain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 127 || c == '"' || c == '\'' || c == '\\' || c == '%') {
                return false;
            }
        }
        return true;
    }

    /**
     * One path of a path-list setting that may be missing on the host: {@code -} prefixed (inside
     * the quotes when quoted), so the unit still starts and the missing path stays unreachable.
     */
    public static String optionalPath(String path) {
        return path("-" + path);
    }

    /**
     * A setting that takes one path and no quotes ({@code WorkingDirectory=}): specifiers doubled,
     * the rest literal.
     */
    public static String singlePath(String path) {
        return path.replace("%", "%%");
    }

    /** A free-text value such as {@code Description=}: one line, specifiers doubled. */
    public static String value(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '%') {
                out.append("%%");
            } else if (cp == '\\') {
                out.append("\\\\");
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().strip();
    }

    /** Double-quoted with C escapes; {@code %} doubled (the hex escapes never contain one). */
    private static String quoted(String word) {
        return DoubleQuoted.quote(word, DoubleQuoted::isControl, "\\x%02x").replace("%", "%%");
    }
}

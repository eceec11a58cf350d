package dev.stockade.compiler.target.escape;

/** Escaping for POSIX shell scripts (launchers, probes): single-quoted words. */
public final class ShellEscape {

    private ShellEscape() {
    }

    /** One shell word: single-quoted, a single quote written as {@code '\''}. */
    public static String word(String word) {
        if (word.indexOf('\'') < 0) {
            return "'" + word + "'"; // the common case: nothing to replace
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

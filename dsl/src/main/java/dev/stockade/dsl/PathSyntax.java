package dev.stockade.dsl;

import dev.stockade.dsl.internal.Paths;

/**
 * The language's rule for paths ({@code path-syntax}), for code after the parser: a model built
 * from a file with errors still holds the invalid paths as written, and whatever resolves them
 * must skip exactly those the parser rejected.
 */
public final class PathSyntax {

    private PathSyntax() {
    }

    /** True when {@code path} is absolute and normalized, as a grant needs (a trailing {@code /} is dropped by the parser). */
    public static boolean isValid(String path) {
        return Paths.problem(path) == null;
    }
}

package dev.stockade.compiler.effective;

import java.util.List;

/**
 * Grants and denies of exactly the same path or prefix: indices into the rule list, ascending.
 * The effective policy denies there (fail closed).
 */
public record Conflict(List<Integer> grants, List<Integer> denies) {
    public Conflict {
        grants = List.copyOf(grants);
        denies = List.copyOf(denies);
    }
}

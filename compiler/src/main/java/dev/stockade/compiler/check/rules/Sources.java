package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.effective.Source;
import dev.stockade.dsl.source.Span;
import java.util.List;

/** Finds where the effective filesystem rules of a path were written, preferring what the user wrote. */
final class Sources {

    private Sources() {
    }

    /** The first statement written for {@code path}, else the first implied grant of it. */
    static Span firstExplicit(EffectivePolicy effective, String path) {
        return find(effective, path, true).or(() -> find(effective, path, false)).orElseThrow();
    }

    /** The first written grant (not deny) of {@code path}, else {@code fallback}. */
    static Span explicitGrantOrElse(EffectivePolicy effective, String path, Span fallback) {
        return find(effective, path, true).orElse(fallback);
    }

    private static java.util.Optional<Span> find(EffectivePolicy effective, String path, boolean explicitOnly) {
        List<FsRule> rules = effective.fs().rules();
        for (int i = 0; i < rules.size(); i++) {
            Source source = effective.fsSources().get(i);
            if (rules.get(i).path().equals(path) && !rules.get(i).isDeny() && (!explicitOnly || !source.implied())) {
                return java.util.Optional.of(source.span());
            }
        }
        return java.util.Optional.empty();
    }
}

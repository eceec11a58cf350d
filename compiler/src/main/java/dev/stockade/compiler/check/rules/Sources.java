package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.effective.Source;
import dev.stockade.dsl.source.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Where the filesystem grants of each path were written, preferring what the user wrote. Built in
 * one pass over a server's rules, so that a rule reporting many paths does not scan them per path.
 */
final class Sources {

    private final Map<String, Span> firstWritten = new HashMap<>();
    private final Map<String, Span> firstImplied = new HashMap<>();

    private Sources(List<FsRule> rules, List<Source> sources) {
        for (int i = 0; i < rules.size(); i++) {
            if (!rules.get(i).isDeny()) {
                Source source = sources.get(i);
                (source.implied() ? firstImplied : firstWritten).putIfAbsent(rules.get(i).path(), source.span());
            }
        }
    }

    static Sources of(EffectivePolicy effective) {
        return of(effective.fs().rules(), effective.fsSources());
    }

    /** {@code sources} runs parallel to {@code rules}, as in {@link EffectivePolicy}. */
    static Sources of(List<FsRule> rules, List<Source> sources) {
        return new Sources(rules, sources);
    }

    /** The first statement written to grant {@code path}, else the first implied grant of it. */
    Span firstExplicit(String path) {
        Span written = firstWritten.get(path);
        Span span = written != null ? written : firstImplied.get(path);
        if (span == null) {
            throw new NoSuchElementException("no grant of " + path);
        }
        return span;
    }
}

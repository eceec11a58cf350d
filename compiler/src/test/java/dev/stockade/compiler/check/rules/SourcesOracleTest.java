package dev.stockade.compiler.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.effective.Origin;
import dev.stockade.compiler.effective.Source;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Sources} indexes a server's grants once; the oracle here is the scan of every rule per
 * asked path that it replaced, written out again below. On random rule lists (many rules on a
 * few paths, grants and denies, written and implied) both name the same rule for every path.
 * Spans compare equal to each other, so each rule's span carries its index as its line.
 */
class SourcesOracleTest {

    private static final String[] PATHS = {"/", "/opt", "/opt/tools", "/srv/a", "/srv/a/b", "/tmp"};
    private static final Origin[] ORIGINS = {Origin.STATEMENT, Origin.STATEMENT, Origin.COMMAND, Origin.SCRIPT, Origin.WORKDIR};

    @Test
    void oneIndexNamesWhatAScanPerPathNamed() {
        Random random = new Random(20261129);
        int implied = 0;
        for (int round = 0; round < 3_000; round++) {
            int paths = 1 + random.nextInt(PATHS.length);
            List<FsRule> rules = new ArrayList<>();
            List<Source> sources = new ArrayList<>();
            for (int i = random.nextInt(round % 10 == 0 ? 400 : 20); i >= 0; i--) {
                rules.add(FsRule.of(FsMode.values()[random.nextInt(FsMode.values().length)], PATHS[random.nextInt(paths)]));
                sources.add(new Source(ORIGINS[random.nextInt(ORIGINS.length)], new Span("f", rules.size(), 1, rules.size(), 2)));
            }
            Sources index = Sources.of(rules, sources);
            for (String path : PATHS) {
                Optional<Span> expected = Reference.firstExplicit(rules, sources, path);
                if (expected.isEmpty()) {
                    assertThatThrownBy(() -> index.firstExplicit(path)).isInstanceOf(NoSuchElementException.class);
                    continue;
                }
                assertThat(index.firstExplicit(path).line()).as("round %d, %s in %s", round, path, rules)
                        .isEqualTo(expected.get().line());
                implied += sources.get(expected.get().line() - 1).implied() ? 1 : 0;
            }
        }
        // Some paths have only implied grants: the fallback is exercised, not only the written case.
        assertThat(implied).isGreaterThan(500);
    }

    /** Sources before the change: a scan of every rule per path, written ones first, then any. */
    private static final class Reference {

        static Optional<Span> firstExplicit(List<FsRule> rules, List<Source> sources, String path) {
            return find(rules, sources, path, true).or(() -> find(rules, sources, path, false));
        }

        private static Optional<Span> find(List<FsRule> rules, List<Source> sources, String path, boolean explicitOnly) {
            for (int i = 0; i < rules.size(); i++) {
                Source source = sources.get(i);
                if (rules.get(i).path().equals(path) && !rules.get(i).isDeny() && (!explicitOnly || !source.implied())) {
                    return Optional.of(source.span());
                }
            }
            return Optional.empty();
        }
    }
}

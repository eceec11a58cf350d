package dev.stockade.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.compiler.target.TargetRegistry;
import dev.stockade.dsl.diagnostic.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A fleet's findings keep each text once: the same approximation said of every server shares its
 * message and hint, so a large fleet's findings do not hold the same sentence thousands of times.
 */
class FindingsTextTest {

    @Test
    void theSameTextIsOneString() {
        List<String> targets = TargetRegistry.all().stream().map(t -> t.name()).toList();
        List<Diagnostic> found = Stockade.compile(new FleetGenerator(42).files(6, 6), targets, 1, artifact -> { })
                .diagnostics();
        Map<String, List<Diagnostic>> byHint = found.stream().collect(Collectors.groupingBy(Diagnostic::hint));
        List<List<Diagnostic>> repeated = byHint.values().stream().filter(same -> same.size() > 1).toList();

        assertThat(repeated).as("hints said of more than one server").hasSizeGreaterThan(5);
        for (List<Diagnostic> same : repeated) {
            assertThat(same).allSatisfy(d -> assertThat(d.hint()).isSameAs(same.get(0).hint()));
        }
    }
}

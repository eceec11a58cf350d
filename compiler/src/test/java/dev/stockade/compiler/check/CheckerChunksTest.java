package dev.stockade.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.bench.FleetGenerator;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.model.PolicySet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * However the servers are cut into chunks, the chunks merged in order give the findings of one
 * pass over them all: what lets a caller check a fleet file by file.
 */
class CheckerChunksTest {

    @Test
    void anyCutIntoChunksMergesToTheSameFindings() {
        // some servers waive a finding, and the fleet rules compare all 24
        PolicySet fleet = PolicyParser.parse(new FleetGenerator(5).files(24, 5)).policies();
        List<ServerContext> servers = Checker.resolve(fleet);
        List<Findings.Owned> whole = Checker.findings(servers).all();
        assertThat(whole).isNotEmpty();

        for (int[] cuts : new int[][] {{}, {1}, {5, 10, 15, 20}, {23}, {2, 3, 4}}) {
            List<Checker.Chunk> chunks = new ArrayList<>();
            int from = 0;
            for (int cut : cuts) {
                chunks.add(Checker.chunk(servers.subList(from, cut), true));
                from = cut;
            }
            chunks.add(Checker.chunk(servers.subList(from, servers.size()), true));

            assertThat(Checker.merge(servers, chunks).all()).as("cut at %s", java.util.Arrays.toString(cuts))
                    .containsExactlyElementsOf(whole);
        }
    }
}

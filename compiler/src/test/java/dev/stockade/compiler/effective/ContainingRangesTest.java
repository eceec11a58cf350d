package dev.stockade.compiler.effective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ContainingRanges} against a scan of every range, on random ranges and questions. */
class ContainingRangesTest {

    @Test
    void leastContainingIsTheLeastWeightAScanFinds() {
        Random random = new Random(65535);
        int found = 0;
        for (int round = 0; round < 2_000; round++) {
            int size = random.nextInt(round % 10 == 0 ? 300 : 20);
            int[] low = new int[size];
            int[] high = new int[size];
            int[] weight = new int[size];
            for (int i = 0; i < size; i++) {
                low[i] = random.nextInt(64);
                high[i] = low[i] + random.nextInt(64);
                weight[i] = random.nextInt(1_000);
            }
            ContainingRanges ranges = new ContainingRanges(low, high, weight);
            for (int question = 0; question < 20; question++) {
                int from = random.nextInt(70) - 2;
                int to = from + random.nextInt(40);
                int expected = ContainingRanges.NONE;
                for (int i = 0; i < size; i++) {
                    if (low[i] <= from && high[i] >= to) {
                        expected = Math.min(expected, weight[i]);
                    }
                }
                assertThat(ranges.leastContaining(from, to)).as("round %d, [%d, %d]", round, from, to).isEqualTo(expected);
                found += expected == ContainingRanges.NONE ? 0 : 1;
            }
        }
        assertThat(found).isGreaterThan(5_000);
    }
}

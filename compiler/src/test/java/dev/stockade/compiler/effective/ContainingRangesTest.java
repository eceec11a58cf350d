package dev.stockade.compiler.effective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
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

    /** Asked again above the weight it gave, it gives the containing ranges one by one in order of weight. */
    @Test
    void askingAboveEachAnswerVisitsEveryContainingRangeInOrderOfWeight() {
        Random random = new Random(4242);
        int visited = 0;
        for (int round = 0; round < 1_000; round++) {
            int size = random.nextInt(round % 10 == 0 ? 500 : 30);
            List<Integer> shuffled = new ArrayList<>(IntStream.range(0, size).map(i -> 3 * i - 40).boxed().toList());
            Collections.shuffle(shuffled, random);
            int[] low = new int[size];
            int[] high = new int[size];
            int[] weight = shuffled.stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < size; i++) {
                low[i] = random.nextInt(64);
                high[i] = low[i] + random.nextInt(64);
            }
            ContainingRanges ranges = new ContainingRanges(low, high, weight);
            for (int question = 0; question < 10; question++) {
                int from = random.nextInt(70) - 2;
                int to = from + random.nextInt(40);
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    if (low[i] <= from && high[i] >= to) {
                        expected.add(weight[i]);
                    }
                }
                expected.sort(null);
                List<Integer> actual = new ArrayList<>();
                for (int w = ranges.leastContaining(from, to); w != ContainingRanges.NONE; w = ranges.leastContaining(from, to, w)) {
                    actual.add(w);
                }
                assertThat(actual).as("round %d, [%d, %d]", round, from, to).isEqualTo(expected);
                int above = random.nextInt(3 * size + 1) - 41;
                int next = expected.stream().filter(w -> w > above).findFirst().orElse(ContainingRanges.NONE);
                assertThat(ranges.leastContaining(from, to, above)).as("round %d, above %d", round, above).isEqualTo(next);
                visited += actual.size();
            }
        }
        assertThat(visited).isGreaterThan(20_000);
    }
}

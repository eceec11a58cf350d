package dev.stockade.compiler.effective;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Ranges of integers, each with a weight, built once, answering: the least weight among the
 * ranges that contain {@code [low, high]} (start at or before {@code low} and end at or after
 * {@code high}). A Fenwick tree over the ranges in order of start, each of its cells holding its
 * ranges in order of end, latest first, with the least weight so far: O(m log² m) to build and
 * O(log² m) a question, for m ranges.
 */
final class ContainingRanges {

    static final int NONE = Integer.MAX_VALUE;

    /** The starts, ascending: the first {@code t} ranges in this order are those that start by a bound. */
    private final int[] starts;
    /** By Fenwick cell (1..m): its ranges' ends, negated and ascending (latest end first), for one search. */
    private final int[][] negatedEnds;
    /** By Fenwick cell: at {@code k}, the least weight among its first {@code k + 1} ranges by end. */
    private final int[][] least;

    ContainingRanges(int[] low, int[] high, int[] weight) {
        int size = low.length;
        Integer[] byStart = IntStream.range(0, size).boxed().sorted(Comparator.comparingInt(i -> low[i])).toArray(Integer[]::new);
        starts = Arrays.stream(byStart).mapToInt(i -> low[i]).toArray();
        negatedEnds = new int[size + 1][];
        least = new int[size + 1][];
        for (int cell = 1; cell <= size; cell++) {
            // Cell c holds the ranges at positions c - lowbit(c) to c - 1 of the start order.
            Integer[] held = Arrays.copyOfRange(byStart, cell - (cell & -cell), cell);
            Arrays.sort(held, Comparator.comparingInt((Integer i) -> high[i]).reversed());
            negatedEnds[cell] = Arrays.stream(held).mapToInt(i -> -high[i]).toArray();
            least[cell] = new int[held.length];
            for (int k = 0; k < held.length; k++) {
                least[cell][k] = Math.min(weight[held[k]], k == 0 ? NONE : least[cell][k - 1]);
            }
        }
    }

    /** The least weight of a range that contains {@code [low, high]}; {@link #NONE} if none does. */
    int leastContaining(int low, int high) {
        int best = NONE;
        for (int cell = countAtMost(starts, low); cell > 0; cell -= cell & -cell) {
            int reaching = countAtMost(negatedEnds[cell], -high);
            if (reaching > 0) {
                best = Math.min(best, least[cell][reaching - 1]);
            }
        }
        return best;
    }

    /** How many of the ascending {@code values} are at most {@code bound}. */
    private static int countAtMost(int[] values, int bound) {
        int lowIndex = 0;
        int highIndex = values.length;
        while (lowIndex < highIndex) {
            int mid = (lowIndex + highIndex) >>> 1;
            if (values[mid] <= bound) {
                lowIndex = mid + 1;
            } else {
                highIndex = mid;
            }
        }
        return lowIndex;
    }
}

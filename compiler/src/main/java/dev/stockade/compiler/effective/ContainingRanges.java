package dev.stockade.compiler.effective;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Ranges of integers, each with a weight, built once, answering: the least weight above a bound
 * among the ranges that contain {@code [low, high]} (start at or before {@code low} and end at or
 * after {@code high}). Asked again with the weight it gave as the bound, it gives the next one, so
 * the containing ranges can be visited in order of weight, each for one question.
 *
 * <p>A segment tree over the ranges in order of weight, each of its nodes holding its ranges'
 * starts in ascending order with the latest end among the first so many: whether a node holds a
 * containing range is one binary search. The least position at or after a bound whose node holds
 * one is found walking down from the root: O(m log m) to build and O(log² m) a question, for m
 * ranges.
 */
final class ContainingRanges {

    static final int NONE = Integer.MAX_VALUE;

    /** The weights, ascending: position {@code p} in the tree is the range of weight {@code weights[p]}. */
    private final int[] weights;
    /** Leaves of the tree: the least power of two at least the number of ranges (1 if none). */
    private final int leaves;
    /** By node (1 is the root, {@code n} has children {@code 2n} and {@code 2n + 1}): its ranges' starts, ascending. */
    private final int[][] starts;
    /** By node: at {@code k}, the latest end among its first {@code k + 1} ranges by start. */
    private final int[][] reach;

    ContainingRanges(int[] low, int[] high, int[] weight) {
        int size = low.length;
        Integer[] byWeight = IntStream.range(0, size).boxed().sorted(Comparator.comparingInt(i -> weight[i])).toArray(Integer[]::new);
        weights = Arrays.stream(byWeight).mapToInt(i -> weight[i]).toArray();
        int count = 1;
        while (count < size) {
            count <<= 1;
        }
        leaves = count;
        starts = new int[2 * leaves][];
        int[][] ends = new int[2 * leaves][];
        for (int position = 0; position < leaves; position++) {
            boolean held = position < size;
            starts[leaves + position] = held ? new int[] {low[byWeight[position]]} : new int[0];
            ends[leaves + position] = held ? new int[] {high[byWeight[position]]} : new int[0];
        }
        for (int node = leaves - 1; node >= 1; node--) {
            merge(node, ends);
        }
        reach = ends;
        for (int[] node : reach) {
            for (int k = 1; node != null && k < node.length; k++) {
                node[k] = Math.max(node[k], node[k - 1]);
            }
        }
    }

    /** A node's ranges are its children's, merged in order of start; {@code ends} kept beside. */
    private void merge(int node, int[][] ends) {
        int[] leftStarts = starts[2 * node];
        int[] rightStarts = starts[2 * node + 1];
        int[] leftEnds = ends[2 * node];
        int[] rightEnds = ends[2 * node + 1];
        int[] mergedStarts = new int[leftStarts.length + rightStarts.length];
        int[] mergedEnds = new int[mergedStarts.length];
        int i = 0;
        int j = 0;
        for (int k = 0; k < mergedStarts.length; k++) {
            boolean left = j == rightStarts.length || (i < leftStarts.length && leftStarts[i] <= rightStarts[j]);
            mergedStarts[k] = left ? leftStarts[i] : rightStarts[j];
            mergedEnds[k] = left ? leftEnds[i++] : rightEnds[j++];
        }
        starts[node] = mergedStarts;
        ends[node] = mergedEnds;
    }

    /** The least weight of a range that contains {@code [low, high]}; {@link #NONE} if none does. */
    int leastContaining(int low, int high) {
        return leastContaining(low, high, Integer.MIN_VALUE);
    }

    /**
     * The least weight greater than {@code above} of a range that contains {@code [low, high]};
     * {@link #NONE} if none does. (Of ranges of equal weight one is found, the others skipped.)
     */
    int leastContaining(int low, int high, int above) {
        int from = countAtMost(weights, above);
        if (from == weights.length) {
            return NONE;
        }
        int position = first(1, 0, leaves, from, low, high);
        return position < 0 ? NONE : weights[position];
    }

    /** The least position at or after {@code from} in node's positions [nodeFrom, nodeTo) whose range contains; -1 if none. */
    private int first(int node, int nodeFrom, int nodeTo, int from, int low, int high) {
        if (nodeTo <= from || !holdsContaining(node, low, high)) {
            return -1;
        }
        if (node >= leaves) {
            return nodeFrom;
        }
        int middle = (nodeFrom + nodeTo) >>> 1;
        int left = first(2 * node, nodeFrom, middle, from, low, high);
        return left >= 0 ? left : first(2 * node + 1, middle, nodeTo, from, low, high);
    }

    private boolean holdsContaining(int node, int low, int high) {
        int started = countAtMost(starts[node], low);
        return started > 0 && reach[node][started - 1] >= high;
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

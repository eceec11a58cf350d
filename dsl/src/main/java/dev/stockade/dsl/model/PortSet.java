package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code port 22,8000-8100}: ports and inclusive ranges as written. */
public record PortSet(List<PortRange> ranges, Span span) {
    public PortSet {
        ranges = List.copyOf(ranges);
    }

    /** The number of distinct ports the set names: the ranges in order of their low ends, overlaps counted once. */
    public int size() {
        List<PortRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(PortRange::low));
        int count = 0;
        int counted = 0; // every port up to here is counted
        for (PortRange range : sorted) {
            int low = Math.max(range.low(), counted + 1);
            if (range.high() >= low) {
                count += range.high() - low + 1;
                counted = range.high();
            }
        }
        return count;
    }
}

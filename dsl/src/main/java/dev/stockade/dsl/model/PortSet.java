package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;

/** {@code port 22,8000-8100}: ports and inclusive ranges as written. */
public record PortSet(List<PortRange> ranges, Span span) {
    public PortSet {
        ranges = List.copyOf(ranges);
    }

    /** The number of distinct ports the set names. */
    public int size() {
        java.util.BitSet ports = new java.util.BitSet(65536);
        ranges.forEach(range -> ports.set(range.low(), range.high() + 1));
        return ports.cardinality();
    }
}

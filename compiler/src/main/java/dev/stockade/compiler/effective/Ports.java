package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.PortRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An exact, immutable set of ports 1 to 65535 as sorted, disjoint, non-adjacent inclusive ranges.
 * Equal sets are equal objects; the order (range by range, lowest first, a shorter list of equal
 * prefix first) is only there to sort output deterministically.
 */
public final class Ports implements Comparable<Ports> {

    private static final Ports NONE = new Ports(List.of());
    private static final Ports ALL = new Ports(List.of(new PortRange(1, 65535)));

    // INVARIANT: sorted by low, and each range starts at least two past the previous high.
    private final List<PortRange> ranges;

    private Ports(List<PortRange> ranges) {
        this.ranges = ranges;
    }

    public static Ports none() {
        return NONE;
    }

    public static Ports all() {
        return ALL;
    }

    public static Ports single(int port) {
        return of(List.of(PortRange.single(port)));
    }

    public static Ports of(PortRange... ranges) {
        return of(List.of(ranges));
    }

    /** The union of the ranges, in any order, overlapping or not. */
    public static Ports of(Collection<PortRange> ranges) {
        List<PortRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(PortRange::low));
        return coalesce(sorted);
    }

    private static Ports coalesce(List<PortRange> sorted) {
        List<PortRange> out = new ArrayList<>();
        for (PortRange range : sorted) {
            int lastIndex = out.size() - 1;
            if (lastIndex >= 0 && range.low() <= out.get(lastIndex).high() + 1) {
                PortRange previous = out.get(lastIndex);
                out.set(lastIndex, new PortRange(previous.low(), Math.max(previous.high(), range.high())));
            } else {
                out.add(range);
            }
        }
        return out.isEmpty() ? NONE : new Ports(List.copyOf(out));
    }

    /**
     * The ports of either. Both are sorted and coalesced, so one merge of the two lists in order of
     * their first port gives the union (no sort); an empty side or an equal one is the other side.
     */
    public Ports union(Ports other) {
        if (other.ranges.isEmpty() || other.ranges.equals(ranges)) {
            return this;
        }
        if (ranges.isEmpty()) {
            return other;
        }
        List<PortRange> merged = new ArrayList<>(ranges.size() + other.ranges.size());
        int i = 0;
        int j = 0;
        while (i < ranges.size() || j < other.ranges.size()) {
            boolean mine = j == other.ranges.size() || (i < ranges.size() && ranges.get(i).low() <= other.ranges.get(j).low());
            merged.add(mine ? ranges.get(i++) : other.ranges.get(j++));
        }
        return coalesce(merged);
    }

    public Ports intersect(Ports other) {
        List<PortRange> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < ranges.size() && j < other.ranges.size()) {
            PortRange a = ranges.get(i);
            PortRange b = other.ranges.get(j);
            int low = Math.max(a.low(), b.low());
            int high = Math.min(a.high(), b.high());
            if (low <= high) {
                out.add(new PortRange(low, high));
            }
            if (a.high() <= b.high()) {
                i++;
            } else {
                j++;
            }
        }
        return coalesce(out);
    }

    public Ports minus(Ports other) {
        List<PortRange> out = new ArrayList<>();
        int j = 0;
        for (PortRange range : ranges) {
            while (j < other.ranges.size() && other.ranges.get(j).high() < range.low()) {
                j++;
            }
            int cursor = range.low();
            // INVARIANT: ports below cursor are emitted or removed; cursor > range.high() = none left.
            while (cursor <= range.high() && j < other.ranges.size() && other.ranges.get(j).low() <= range.high()) {
                PortRange cut = other.ranges.get(j);
                if (cut.low() > cursor) {
                    out.add(new PortRange(cursor, cut.low() - 1));
                }
                cursor = cut.high() + 1;
                if (cut.high() <= range.high()) {
                    j++;
                }
            }
            if (cursor <= range.high()) {
                out.add(new PortRange(cursor, range.high()));
            }
        }
        return coalesce(out);
    }

    public boolean contains(int port) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            PortRange range = ranges.get(mid);
            if (range.high() < port) {
                low = mid + 1;
            } else if (range.low() > port) {
                high = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public boolean containsAll(Ports other) {
        return other.minus(this).isEmpty();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The number of ports in the set. */
    public int size() {
        return ranges.stream().mapToInt(range -> range.high() - range.low() + 1).sum();
    }

    /** The canonical ranges, lowest first. */
    public List<PortRange> toRanges() {
        return ranges;
    }

    @Override
    public int compareTo(Ports other) {
        if (other == this) {
            return 0; // the regions under one prefix share its set: grouping them compares it with itself
        }
        for (int i = 0; i < Math.min(ranges.size(), other.ranges.size()); i++) {
            PortRange a = ranges.get(i);
            PortRange b = other.ranges.get(i);
            int order = a.low() != b.low() ? Integer.compare(a.low(), b.low()) : Integer.compare(a.high(), b.high());
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(ranges.size(), other.ranges.size());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ports ports && ranges.equals(ports.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    /** The policy syntax: {@code 22,8000-8100}; empty text for no ports. */
    @Override
    public String toString() {
        return ranges.stream().map(PortRange::text).collect(Collectors.joining(","));
    }
}

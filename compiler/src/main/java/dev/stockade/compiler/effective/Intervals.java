package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Set operations on canonical range lists of one address family: sorted by first address,
 * disjoint and never adjacent (adjacent ranges are merged). Every operation on two lists is a
 * linear merge of its inputs, except {@link #normalize}, which sorts; a question about one range
 * or one address is a binary search.
 */
final class Intervals {

    private Intervals() {
    }

    /** Sorts and merges overlapping and adjacent ranges into canonical form. */
    static List<IpRange> normalize(List<IpRange> ranges) {
        List<IpRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(IpRange::first));
        return coalesce(sorted);
    }

    /** Merges a list already sorted by first address. */
    private static List<IpRange> coalesce(List<IpRange> sorted) {
        List<IpRange> out = new ArrayList<>();
        for (IpRange range : sorted) {
            int lastIndex = out.size() - 1;
            if (lastIndex >= 0 && touches(out.get(lastIndex), range)) {
                IpRange previous = out.get(lastIndex);
                out.set(lastIndex, new IpRange(previous.first(), IpMath.max(previous.last(), range.last())));
            } else {
                out.add(range);
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code next} (which starts no earlier than {@code range}) overlaps or abuts it. */
    private static boolean touches(IpRange range, IpRange next) {
        return IpMath.isLast(range.last()) || next.first().compareTo(IpMath.next(range.last())) <= 0;
    }

    static List<IpRange> union(List<IpRange> a, List<IpRange> b) {
        List<IpRange> merged = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            boolean takeA = j == b.size() || (i < a.size() && a.get(i).first().compareTo(b.get(j).first()) <= 0);
            merged.add(takeA ? a.get(i++) : b.get(j++));
        }
        return coalesce(merged);
    }

    static List<IpRange> intersect(List<IpRange> a, List<IpRange> b) {
        List<IpRange> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Ip first = IpMath.max(a.get(i).first(), b.get(j).first());
            Ip last = IpMath.min(a.get(i).last(), b.get(j).last());
            if (first.compareTo(last) <= 0) {
                out.add(new IpRange(first, last));
            }
            if (a.get(i).last().compareTo(b.get(j).last()) <= 0) {
                i++;
            } else {
                j++;
            }
        }
        return List.copyOf(out);
    }

    static List<IpRange> minus(List<IpRange> a, List<IpRange> b) {
        List<IpRange> out = new ArrayList<>();
        int j = 0;
        for (IpRange range : a) {
            while (j < b.size() && b.get(j).last().compareTo(range.first()) < 0) {
                j++;
            }
            Ip cursor = range.first();
            // INVARIANT: cursor is the first address of range not yet emitted or removed; null = none left.
            while (cursor != null && j < b.size() && b.get(j).first().compareTo(range.last()) <= 0) {
                IpRange cut = b.get(j);
                if (cut.first().compareTo(cursor) > 0) {
                    out.add(new IpRange(cursor, IpMath.previous(cut.first())));
                }
                if (cut.last().compareTo(range.last()) >= 0) {
                    cursor = null; // cut may also overlap the next range of a: keep j
                } else {
                    cursor = IpMath.next(cut.last());
                    j++;
                }
            }
            if (cursor != null) {
                out.add(new IpRange(cursor, range.last()));
            }
        }
        return List.copyOf(out);
    }

    /** Whether the two share an address: the walk of {@link #intersect} without building it. */
    static boolean overlap(List<IpRange> a, List<IpRange> b) {
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (IpMath.max(a.get(i).first(), b.get(j).first()).compareTo(IpMath.min(a.get(i).last(), b.get(j).last())) <= 0) {
                return true;
            }
            if (a.get(i).last().compareTo(b.get(j).last()) <= 0) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** Whether some range holds {@code ip}: a binary search. */
    static boolean contains(List<IpRange> ranges, Ip ip) {
        return holder(ranges, ip) != null;
    }

    /**
     * Whether every range of {@code inner} lies in {@code ranges}: a binary search per range, and
     * canonical ranges are never adjacent, so one range of {@code ranges} must hold it whole.
     */
    static boolean containsAll(List<IpRange> ranges, List<IpRange> inner) {
        for (IpRange range : inner) {
            IpRange holder = holder(ranges, range.first());
            if (holder == null || holder.last().compareTo(range.last()) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether some range shares an address with {@code range}: a binary search for the first range
     * that ends at or after its start, which overlaps it exactly when it starts by its end.
     */
    static boolean overlaps(List<IpRange> ranges, IpRange range) {
        int at = IpRange.firstEndingFrom(ranges, range.first());
        return at < ranges.size() && ranges.get(at).first().compareTo(range.last()) <= 0;
    }

    /** The range that holds {@code ip}, or null. */
    private static IpRange holder(List<IpRange> ranges, Ip ip) {
        int at = IpRange.firstEndingFrom(ranges, ip);
        return at < ranges.size() && ranges.get(at).first().compareTo(ip) <= 0 ? ranges.get(at) : null;
    }

    /** The fewest CIDR prefixes that cover exactly the ranges, in address order. */
    static List<Cidr> toPrefixes(List<IpRange> ranges) {
        List<Cidr> out = new ArrayList<>();
        for (IpRange range : ranges) {
            Ip cursor = range.first();
            while (cursor != null) {
                Cidr block = largestBlock(cursor, range.last());
                out.add(block);
                cursor = block.last().equals(range.last()) ? null : IpMath.next(block.last());
            }
        }
        return List.copyOf(out);
    }

    /** The largest prefix that starts at {@code start} (so is aligned there) and ends by {@code end}. */
    private static Cidr largestBlock(Ip start, Ip end) {
        int length = start.bits() - IpMath.trailingZeros(start);
        while (start.broadcast(length).compareTo(end) > 0) {
            length++;
        }
        return new Cidr(start, length);
    }
}

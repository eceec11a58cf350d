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
        addPrefixes(ranges, out);
        return List.copyOf(out);
    }

    /**
     * Appends the fewest prefixes that cover each of {@code ranges}, in order. Each block is the
     * largest that starts at the cursor (aligned there: its trailing zeros) and fits in what is left
     * of the range (the floor of log2 of the addresses left), worked out in 128-bit arithmetic on
     * the address's two longs: one address and one prefix made per block, where growing the prefix
     * a bit at a time made an address per bit.
     */
    static void addPrefixes(List<IpRange> ranges, List<Cidr> out) {
        for (int r = 0; r < ranges.size(); r++) {
            IpRange range = ranges.get(r);
            boolean v6 = range.v6();
            int bits = v6 ? 128 : 32;
            long hi = range.first().hi();
            long lo = range.first().lo();
            long lastHi = range.last().hi();
            long lastLo = range.last().lo();
            while (true) {
                // left = last - cursor + 1 (addresses left in the range), as (leftHi, leftLo); whole
                // when it is 2^128, which two longs cannot hold.
                long leftLo = lastLo - lo;
                long leftHi = lastHi - hi - (Long.compareUnsigned(lastLo, lo) < 0 ? 1 : 0);
                boolean whole = v6 && leftHi == -1L && leftLo == -1L;
                leftLo++;
                if (leftLo == 0) {
                    leftHi++;
                }
                int fits = whole ? 128 : leftHi != 0 ? 127 - Long.numberOfLeadingZeros(leftHi) : 63 - Long.numberOfLeadingZeros(leftLo);
                int aligned = lo != 0 ? Long.numberOfTrailingZeros(lo) : hi != 0 ? 64 + Long.numberOfTrailingZeros(hi) : bits;
                int size = Math.min(Math.min(fits, aligned), bits);
                out.add(new Cidr(new Ip(v6, hi, lo), bits - size));
                boolean rest = !whole && (size < 64 ? leftHi != 0 || leftLo != 1L << size : leftLo != 0 || leftHi != 1L << (size - 64));
                if (!rest) {
                    break;
                }
                if (size < 64) {
                    long next = lo + (1L << size);
                    if (Long.compareUnsigned(next, lo) < 0) {
                        hi++;
                    }
                    lo = next;
                } else {
                    hi += 1L << (size - 64);
                }
            }
        }
    }
}

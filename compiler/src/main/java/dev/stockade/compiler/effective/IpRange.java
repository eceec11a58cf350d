package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import java.util.List;
import java.util.Optional;

/** An inclusive range of addresses of one family, {@code first <= last}. */
public record IpRange(Ip first, Ip last) {

    public IpRange {
        if (first.v6() != last.v6() || first.compareTo(last) > 0) {
            throw new IllegalArgumentException("bad address range " + first.text() + "-" + last.text());
        }
    }

    public boolean v6() {
        return first.v6();
    }

    public boolean contains(Ip ip) {
        return ip.v6() == v6() && first.compareTo(ip) <= 0 && ip.compareTo(last) <= 0;
    }

    /** The prefix that holds exactly this range, if one does. */
    public Optional<Cidr> prefix() {
        List<Cidr> prefixes = Intervals.toPrefixes(List.of(this));
        return prefixes.size() == 1 ? Optional.of(prefixes.get(0)) : Optional.empty();
    }

    /**
     * In {@code sorted} (ranges of one family, ascending and disjoint), the index of the first range
     * that ends at {@code ip} or after it, or the size if none does: a binary search. That range
     * holds {@code ip} exactly when it starts by it.
     */
    public static int firstEndingFrom(List<IpRange> sorted, Ip ip) {
        int low = 0;
        int high = sorted.size();
        // INVARIANT: every range before low ends before ip; the range at high (if any) ends at or after it.
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).last().compareTo(ip) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    public String text() {
        return first.equals(last) ? first.text() : first.text() + "-" + last.text();
    }
}

package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An exact, immutable set of IPv4 and IPv6 addresses, kept per family as sorted, disjoint,
 * non-adjacent inclusive ranges. Two sets with the same addresses are equal whatever operations
 * built them. No operation visits individual addresses: each is a linear merge of range lists, or
 * a binary search where one side is a single range or address.
 */
public final class AddressSet {

    private static final AddressSet EMPTY = new AddressSet(List.of(), List.of());

    // INVARIANT: both lists are canonical (see Intervals), immutable, and hold only their own family.
    private final List<IpRange> v4;
    private final List<IpRange> v6;
    /**
     * {@link #toPrefixes()}, once asked: the probe, systemd, macOS and compose each lower the same
     * effective grants. Racy on purpose: an immutable list, and any thread's equals another's.
     */
    private List<Cidr> prefixes;

    private AddressSet(List<IpRange> v4, List<IpRange> v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    public static AddressSet empty() {
        return EMPTY;
    }

    /** Every address of the {@code prefixLen}-bit prefix that holds {@code ip}. */
    public static AddressSet of(Ip ip, int prefixLen) {
        return of(Cidr.containing(ip, prefixLen));
    }

    public static AddressSet of(Cidr prefix) {
        List<IpRange> range = List.of(prefix.range()); // one range is canonical as it is
        return prefix.v6() ? new AddressSet(List.of(), range) : new AddressSet(range, List.of());
    }

    /** Every address of the family: {@code 0.0.0.0/0} or {@code ::/0}. */
    public static AddressSet all(boolean v6) {
        return of(IpMath.first(v6), 0);
    }

    /** The union of any ranges, of either family, overlapping or not. */
    public static AddressSet ofRanges(Collection<IpRange> ranges) {
        List<IpRange> four = new ArrayList<>();
        List<IpRange> six = new ArrayList<>();
        ranges.forEach(range -> (range.v6() ? six : four).add(range));
        return create(Intervals.normalize(four), Intervals.normalize(six));
    }

    private static AddressSet create(List<IpRange> v4, List<IpRange> v6) {
        return v4.isEmpty() && v6.isEmpty() ? EMPTY : new AddressSet(v4, v6);
    }

    public AddressSet union(AddressSet other) {
        return create(Intervals.union(v4, other.v4), Intervals.union(v6, other.v6));
    }

    public AddressSet intersect(AddressSet other) {
        return create(Intervals.intersect(v4, other.v4), Intervals.intersect(v6, other.v6));
    }

    public AddressSet minus(AddressSet other) {
        return create(Intervals.minus(v4, other.v4), Intervals.minus(v6, other.v6));
    }

    /** Whether the two sets share an address ({@code !intersect(other).isEmpty()}, without building it). */
    public boolean overlaps(AddressSet other) {
        return Intervals.overlap(v4, other.v4) || Intervals.overlap(v6, other.v6);
    }

    /** Whether the set shares an address with {@code prefix}: a binary search, not a merge. */
    public boolean overlaps(Cidr prefix) {
        return Intervals.overlaps(prefix.v6() ? v6 : v4, prefix.range());
    }

    public boolean contains(Ip ip) {
        return Intervals.contains(ip.v6() ? v6 : v4, ip);
    }

    public boolean containsAll(AddressSet other) {
        return Intervals.containsAll(v4, other.v4) && Intervals.containsAll(v6, other.v6);
    }

    public boolean isEmpty() {
        return v4.isEmpty() && v6.isEmpty();
    }

    /** The IPv4 addresses of this set. */
    public AddressSet v4() {
        return create(v4, List.of());
    }

    /** The IPv6 addresses of this set. */
    public AddressSet v6() {
        return create(List.of(), v6);
    }

    /** The canonical ranges: IPv4 first, each family in address order. */
    public List<IpRange> ranges() {
        // Both lists are immutable: a set of one family is its list, no copy.
        if (v6.isEmpty()) {
            return v4;
        }
        if (v4.isEmpty()) {
            return v6;
        }
        List<IpRange> out = new ArrayList<>(v4.size() + v6.size());
        out.addAll(v4);
        out.addAll(v6);
        return Collections.unmodifiableList(out);
    }

    /**
     * The fewest CIDR prefixes that cover exactly this set (the maximal prefixes inside it),
     * IPv4 first, each family in address order; a range of n addresses needs at most 2·log2(n).
     */
    public List<Cidr> toPrefixes() {
        List<Cidr> known = prefixes;
        if (known == null) {
            List<Cidr> out = new ArrayList<>();
            Intervals.addPrefixes(v4, out);
            Intervals.addPrefixes(v6, out);
            known = List.copyOf(out);
            prefixes = known;
        }
        return known;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressSet set && v4.equals(set.v4) && v6.equals(set.v6);
    }

    @Override
    public int hashCode() {
        return Objects.hash(v4, v6);
    }

    /** The prefixes, comma-separated; {@code {}} when empty. */
    @Override
    public String toString() {
        return toPrefixes().stream().map(Cidr::text).collect(Collectors.joining(",", "{", "}"));
    }
}

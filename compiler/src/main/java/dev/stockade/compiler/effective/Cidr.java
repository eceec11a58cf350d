package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.IpPrefix;
import java.util.Comparator;
import java.util.Optional;

/**
 * A span-free CIDR prefix: a network address with its host bits zero and a length of 0 to 32
 * (IPv4) or 0 to 128 (IPv6). Ordered by family, then address, then length, which lists a set of
 * nested prefixes parent before child (a pre-order walk of the prefix tree).
 */
public record Cidr(Ip network, int length) implements Comparable<Cidr> {

    private static final Comparator<Cidr> ORDER =
            Comparator.comparing(Cidr::network).thenComparingInt(Cidr::length);

    /** IPv4's loopback network, where {@code loopback port PORTS} opens its ports. */
    public static final Cidr LOOPBACK_V4 = parse("127.0.0.0/8").orElseThrow();
    /** IPv6's loopback address. */
    public static final Cidr LOOPBACK_V6 = parse("::1/128").orElseThrow();

    public Cidr {
        if (length < 0 || length > network.bits()) {
            throw new IllegalArgumentException("prefix length " + length + " out of range");
        }
        if (!network.network(length).equals(network)) {
            throw new IllegalArgumentException("host bits set in " + network.text() + "/" + length);
        }
    }

    /** The prefix of {@code length} bits that holds {@code ip} (host bits are cleared). */
    public static Cidr containing(Ip ip, int length) {
        return new Cidr(ip.network(length), length);
    }

    public static Cidr host(Ip ip) {
        return new Cidr(ip, ip.bits());
    }

    /** The prefix a parsed policy names; host bits are cleared (the checker reports them). */
    public static Cidr of(IpPrefix prefix) {
        return containing(prefix.ip(), prefix.length());
    }

    /** Parses {@code ADDRESS} or {@code ADDRESS/LENGTH}; host bits must be zero. */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        Optional<Ip> ip = Ip.parse(slash < 0 ? text : text.substring(0, slash));
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        if (slash < 0) {
            return Optional.of(host(ip.get()));
        }
        String digits = text.substring(slash + 1);
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return Optional.empty();
        }
        int length = Integer.parseInt(digits);
        if (length > ip.get().bits() || !ip.get().network(length).equals(ip.get())) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(ip.get(), length));
    }

    public boolean v6() {
        return network.v6();
    }

    public Ip first() {
        return network;
    }

    public Ip last() {
        return network.broadcast(length);
    }

    public IpRange range() {
        return new IpRange(first(), last());
    }

    public boolean contains(Ip ip) {
        return ip.v6() == v6() && ip.network(length).equals(network);
    }

    /** Whether every address of {@code other} is in this prefix (true for equal prefixes). */
    public boolean contains(Cidr other) {
        return other.length >= length && contains(other.network);
    }

    /** The address, and {@code /length} unless it is a single host. */
    public String text() {
        return length == network.bits() ? network.text() : network.text() + "/" + length;
    }

    @Override
    public int compareTo(Cidr other) {
        return ORDER.compare(this, other);
    }
}

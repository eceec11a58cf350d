package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** An IPv4 or IPv6 address with a prefix length; host bits are zero when it is valid. */
public record IpPrefix(Ip ip, int length, Span span) implements Address {
    /** The text form: the address, and {@code /length} unless it is a single host. */
    @Override
    public String text() {
        return length == ip.bits() ? ip.text() : ip.text() + "/" + length;
    }

    public boolean isV6() {
        return ip.v6();
    }
}

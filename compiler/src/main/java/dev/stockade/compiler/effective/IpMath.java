package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;

/** 128-bit unsigned steps on {@link Ip}, within the address's own family. */
final class IpMath {

    private static final long V4_MAX = 0xFFFF_FFFFL;

    private IpMath() {
    }

    static Ip first(boolean v6) {
        return new Ip(v6, 0, 0);
    }

    static Ip last(boolean v6) {
        return v6 ? new Ip(true, -1L, -1L) : Ip.v4(V4_MAX);
    }

    static boolean isLast(Ip ip) {
        return ip.v6() ? ip.hi() == -1L && ip.lo() == -1L : ip.lo() == V4_MAX;
    }

    /** The next address; the caller guarantees {@code !isLast(ip)}. */
    static Ip next(Ip ip) {
        if (!ip.v6()) {
            return Ip.v4(ip.lo() + 1);
        }
        long lo = ip.lo() + 1;
        return new Ip(true, lo == 0 ? ip.hi() + 1 : ip.hi(), lo);
    }

    /** The previous address; the caller guarantees {@code ip} is not the family's first. */
    static Ip previous(Ip ip) {
        if (!ip.v6()) {
            return Ip.v4(ip.lo() - 1);
        }
        return new Ip(true, ip.lo() == 0 ? ip.hi() - 1 : ip.hi(), ip.lo() - 1);
    }

    /** The number of trailing zero bits, capped at the family width (so 0.0.0.0 gives 32). */
    static int trailingZeros(Ip ip) {
        if (!ip.v6()) {
            return ip.lo() == 0 ? 32 : Long.numberOfTrailingZeros(ip.lo());
        }
        if (ip.lo() != 0) {
            return Long.numberOfTrailingZeros(ip.lo());
        }
        return ip.hi() == 0 ? 128 : 64 + Long.numberOfTrailingZeros(ip.hi());
    }

    static Ip max(Ip a, Ip b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static Ip min(Ip a, Ip b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

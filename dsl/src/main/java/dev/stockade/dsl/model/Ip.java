package dev.stockade.dsl.model;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as a 128-bit number: {@code hi} and {@code lo} hold the address
 * big-endian; an IPv4 address lives in the low 32 bits of {@code lo} with {@code hi == 0}.
 *
 * <p>Parsing never touches the network (no {@link java.net.InetAddress} look-ups) and accepts only
 * the textual forms of RFC 4291 and dotted-quad IPv4 without leading zeros; zone ids are rejected.
 * {@link #text()} gives the RFC 5952 canonical form, so {@code parse(ip.text())} returns {@code ip}.
 */
public record Ip(boolean v6, long hi, long lo) implements Comparable<Ip> {

    /** The prefix of an IPv4-mapped IPv6 address in its mixed text form. */
    private static final String MAPPED = "::ffff:";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    public Ip {
        if (!v6 && (hi != 0 || (lo >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address out of range");
        }
    }

    public static Ip v4(long value) {
        return new Ip(false, 0, value & 0xFFFF_FFFFL);
    }

    /** The address length in bits: 32 or 128. */
    public int bits() {
        return v6 ? 128 : 32;
    }

    /** Parses an IPv4 or IPv6 address (no prefix). */
    public static Optional<Ip> parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        long value = parseV4(text);
        return value < 0 ? Optional.empty() : Optional.of(v4(value));
    }

    /** The dotted quad's value, or -1 unless it is exactly four numbers 0-255 without leading zeros. */
    private static long parseV4(String text) {
        long value = 0;
        int start = 0;
        for (int part = 0; part < 4; part++) {
            int dot = text.indexOf('.', start);
            int stop = dot < 0 ? text.length() : dot;
            int octet = octet(text, start, stop);
            if (octet < 0 || (dot < 0) != (part == 3)) {
                return -1;
            }
            value = (value << 8) | octet;
            start = stop + 1;
        }
        return value;
    }

    /** The number written from {@code start} to {@code stop}, or -1 unless it is 0-255 without leading zeros. */
    private static int octet(String text, int start, int stop) {
        int length = stop - start;
        if (length < 1 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
            return -1;
        }
        int octet = 0;
        for (int i = start; i < stop; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            octet = octet * 10 + (c - '0');
        }
        return octet > 255 ? -1 : octet;
    }

    private static Optional<Ip> parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head, gap < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return Optional.empty();
        }
        int total = headGroups.length + tailGroups.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return Optional.empty();
        }
        int[] all = new int[8];
        System.arraycopy(headGroups, 0, all, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = (hi << 16) | all[i];
            lo = (lo << 16) | all[i + 4];
        }
        return Optional.of(new Ip(true, hi, lo));
    }

    /** 16-bit groups of one side of {@code ::}; the last may be a dotted IPv4 address (two groups). */
    private static int[] groups(String side, boolean mayEndInV4) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean v4Tail = mayEndInV4 && parts[parts.length - 1].indexOf('.') >= 0;
        int[] out = new int[parts.length + (v4Tail ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (v4Tail && i == parts.length - 1) {
                long v4 = parseV4(part);
                if (v4 < 0) {
                    return null;
                }
                out[i] = (int) (v4 >>> 16);
                out[i + 1] = (int) (v4 & 0xFFFF);
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(Ip::isHex)) {
                return null;
            }
            out[i] = Integer.parseInt(part, 16);
        }
        return out;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** This address with every bit after the first {@code length} cleared. */
    public Ip network(int length) {
        checkLength(length);
        return new Ip(v6, hi & maskHi(length), lo & maskLo(length));
    }

    /** The last address of the prefix of {@code length} bits that holds this address. */
    public Ip broadcast(int length) {
        checkLength(length);
        long loOnes = v6 ? -1L : 0xFFFF_FFFFL;
        return new Ip(v6, v6 ? hi | ~maskHi(length) : 0, lo | (~maskLo(length) & loOnes));
    }

    private void checkLength(int length) {
        if (length < 0 || length > bits()) {
            throw new IllegalArgumentException("prefix length " + length + " out of range for " + text());
        }
    }

    private long maskHi(int length) {
        if (!v6) {
            return 0;
        }
        return length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
    }

    private long maskLo(int length) {
        if (!v6) {
            return length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
        }
        int inLo = Math.max(0, length - 64);
        return inLo == 0 ? 0 : inLo == 64 ? -1L : -1L << (64 - inLo);
    }

    /**
     * RFC 5952 text: dotted quad for IPv4; for IPv6 lower-case hex without leading zeros, the
     * longest run of two or more zero groups (the first of equals) as {@code ::}, and IPv4-mapped
     * addresses in the mixed form {@code ::ffff:1.2.3.4} (RFC 5952 section 5).
     */
    public String text() {
        // Written into bytes (every character is ASCII) and made a string once: this is the most
        // frequent formatting in every target, and string concatenation and per-group hex strings
        // allocated several strings per address.
        byte[] out = new byte[39];
        int length;
        if (!v6) {
            length = dottedQuad(out, 0, lo);
        } else if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
            for (length = 0; length < MAPPED.length(); length++) {
                out[length] = (byte) MAPPED.charAt(length);
            }
            length = dottedQuad(out, length, lo & 0xFFFF_FFFFL);
        } else {
            length = groups(out);
        }
        return new String(out, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** IPv6 groups in lower-case hex, the longest run of two or more zero groups (the first of equals) as {@code ::}. */
    private int groups(byte[] out) {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
            groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        int at = 0;
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out[at++] = ':';
                out[at++] = ':';
                i += bestLength - 1;
                continue;
            }
            if (at > 0 && out[at - 1] != ':') {
                out[at++] = ':';
            }
            int group = groups[i];
            for (int shift = group < 0x10 ? 0 : group < 0x100 ? 4 : group < 0x1000 ? 8 : 12; shift >= 0; shift -= 4) {
                out[at++] = HEX[(group >>> shift) & 0xF];
            }
        }
        return at;
    }

    /** Writes the dotted quad of {@code value} at {@code at}; returns the index after it. */
    private static int dottedQuad(byte[] out, int at, long value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int octet = (int) ((value >>> shift) & 0xFF);
            if (octet >= 100) {
                out[at++] = (byte) ('0' + octet / 100);
            }
            if (octet >= 10) {
                out[at++] = (byte) ('0' + octet / 10 % 10);
            }
            out[at++] = (byte) ('0' + octet % 10);
            if (shift > 0) {
                out[at++] = '.';
            }
        }
        return at;
    }

    /** Unsigned order within one family; IPv4 sorts before IPv6. */
    @Override
    public int compareTo(Ip other) {
        if (v6 != other.v6) {
            return v6 ? 1 : -1;
        }
        int byHi = Long.compareUnsigned(hi, other.hi);
        return byHi != 0 ? byHi : Long.compareUnsigned(lo, other.lo);
    }
}

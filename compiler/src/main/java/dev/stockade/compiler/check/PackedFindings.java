package dev.stockade.compiler.check;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.source.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings kept until the end of a compile, as one byte array instead of five objects each (the
 * finding, its diagnostic, its span and two strings). A fleet of 10,000 servers keeps about 310,000
 * of them, mostly {@code target-approximation}s, until they are sorted into the report: as objects,
 * every young collection copied them and every marking cycle traced them (docs/performance.md,
 * thirteenth round). As bytes they are one object per block that the collector never looks into.
 *
 * <p>Lossless: each string is written once per block and referred to by number after, as Latin-1
 * when every char fits in a byte and as UTF-16 chars otherwise (so any Java string, a lone
 * surrogate too, reads back equal); numbers as unsigned varints.
 */
final class PackedFindings {

    private static final Severity[] SEVERITIES = Severity.values();

    private PackedFindings() {
    }

    static byte[] pack(List<Findings.Owned> findings) {
        Writer out = new Writer(findings.size() * 64);
        out.varint(findings.size());
        for (Findings.Owned owned : findings) {
            Diagnostic diagnostic = owned.diagnostic();
            Span span = diagnostic.span();
            out.string(owned.server());
            out.string(diagnostic.rule());
            out.varint(diagnostic.severity().ordinal());
            out.string(span.file());
            out.varint(span.line());
            out.varint(span.column());
            out.varint(span.endLine());
            out.varint(span.endColumn());
            out.string(diagnostic.message());
            out.string(diagnostic.hint());
            if (diagnostic.acceptedBecause().isPresent()) {
                out.varint(1);
                out.string(diagnostic.acceptedBecause().get());
            } else {
                out.varint(0);
            }
        }
        return out.bytes();
    }

    /** How many findings {@code packed} holds. */
    static int count(byte[] packed) {
        return new Reader(packed).varint();
    }

    /** Appends the findings {@code packed} holds to {@code into}, in their order. */
    static void unpack(byte[] packed, List<Findings.Owned> into) {
        Reader in = new Reader(packed);
        int count = in.varint();
        for (int i = 0; i < count; i++) {
            String server = in.string();
            String rule = in.string();
            Severity severity = SEVERITIES[in.varint()];
            Span span = new Span(in.string(), in.varint(), in.varint(), in.varint(), in.varint());
            String message = in.string();
            String hint = in.string();
            Optional<String> accepted = in.varint() == 1 ? Optional.of(in.string()) : Optional.empty();
            into.add(new Findings.Owned(server, new Diagnostic(rule, severity, span, message, hint, accepted)));
        }
    }

    /** A growing byte array; a string seen before is written as its number. */
    private static final class Writer {
        private byte[] bytes;
        private int size;
        private final Map<String, Integer> seen = new HashMap<>();

        Writer(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        void varint(int value) {
            ensure(5);
            int v = value;
            while ((v & ~0x7F) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        /** 0 then the string for a new one (its number is the count of new strings before it), else its number + 1. */
        void string(String value) {
            Integer known = seen.get(value);
            if (known != null) {
                varint(known + 1);
                return;
            }
            seen.put(value, seen.size());
            varint(0);
            boolean latin1 = latin1(value);
            varint(value.length() << 1 | (latin1 ? 0 : 1));
            if (latin1) {
                byte[] chars = value.getBytes(StandardCharsets.ISO_8859_1);
                ensure(chars.length);
                System.arraycopy(chars, 0, bytes, size, chars.length);
                size += chars.length;
            } else {
                ensure(value.length() * 2);
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    bytes[size++] = (byte) (c >>> 8);
                    bytes[size++] = (byte) c;
                }
            }
        }

        private static boolean latin1(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) > 0xFF) {
                    return false;
                }
            }
            return true;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int at;
        private final List<String> strings = new ArrayList<>();

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int varint() {
            int value = 0;
            for (int shift = 0;; shift += 7) {
                byte b = bytes[at++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        String string() {
            int ref = varint();
            if (ref > 0) {
                return strings.get(ref - 1);
            }
            int header = varint();
            int length = header >>> 1;
            String value;
            if ((header & 1) == 0) {
                value = new String(bytes, at, length, StandardCharsets.ISO_8859_1);
                at += length;
            } else {
                char[] chars = new char[length];
                for (int i = 0; i < length; i++) {
                    chars[i] = (char) ((bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF));
                    at += 2;
                }
                value = new String(chars);
            }
            strings.add(value);
            return value;
        }
    }
}

package dev.stockade.compiler.api;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * CRC-32 and CRC-32C of length-prefixed byte strings, and their total length (80 bits), as
 * {@code %08x%08x-%x}: what {@link Fingerprint} and {@link OutputState} are made of.
 *
 * <p>It only has to notice an accidental change, and it runs on every build in a fresh plugin
 * class loader, where the first SHA-256 costs about 35 ms of provider set-up alone and hashing is
 * still interpreted; the JDK's CRCs are intrinsics even there (docs/performance.md). A stale skip
 * cannot hide anything from CI: {@code check} compiles and compares every byte. Each string is
 * prefixed with its length, so no two different sequences of strings feed the same bytes.
 */
final class Checksum {

    private final byte[] prefix = new byte[11];
    private final CRC32 crc = new CRC32();
    private final CRC32C crcC = new CRC32C();
    private long length;

    void put(String text) {
        put(text.getBytes(StandardCharsets.UTF_8));
    }

    void put(byte[] bytes) {
        put(bytes, 0, bytes.length);
    }

    void put(byte[] bytes, int offset, int count) {
        // The decimal length and a colon, written backwards into a reused buffer: the bytes
        // Integer.toString(count) + ":" would give, without a String per call (270 calls a skip).
        int start = prefix.length;
        prefix[--start] = ':';
        int rest = count;
        do {
            prefix[--start] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        update(prefix, start, prefix.length - start);
        update(bytes, offset, count);
    }

    private void update(byte[] bytes, int offset, int count) {
        crc.update(bytes, offset, count);
        crcC.update(bytes, offset, count);
        length += count;
    }

    /**
     * What the state of an output directory takes of one file's content: its CRC-32, CRC-32C and
     * length, 16 bytes. A file enters the state through this sum rather than byte for byte, so
     * the state after a run can be made from the bytes the run compared, without reading the
     * files again ({@link OutputState}).
     */
    static byte[] contentSum(byte[] content) {
        CRC32 plain = new CRC32();
        CRC32C castagnoli = new CRC32C();
        plain.update(content, 0, content.length);
        castagnoli.update(content, 0, content.length);
        long crcs = plain.getValue() << 32 | castagnoli.getValue();
        long length = content.length;
        byte[] sum = new byte[16];
        for (int i = 0; i < 8; i++) {
            sum[i] = (byte) (crcs >>> (56 - 8 * i));
            sum[8 + i] = (byte) (length >>> (56 - 8 * i));
        }
        return sum;
    }

    /** {@code %08x%08x-%x}, without Formatter: the 1 bit above each CRC keeps its leading zeros. */
    String hex() {
        StringBuilder hex = new StringBuilder(32);
        hex.append(Long.toHexString(crc.getValue() | 1L << 32), 1, 9);
        hex.append(Long.toHexString(crcC.getValue() | 1L << 32), 1, 9);
        return hex.append('-').append(Long.toHexString(length)).toString();
    }
}

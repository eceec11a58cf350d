package dev.stockade.compiler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    @Test
    void isBothCrcsOfTheLengthPrefixedStringsAndTheirLength() {
        byte[] large = new byte[12345];
        Arrays.fill(large, (byte) 7);
        Checksum sum = new Checksum();
        sum.put("abc");
        sum.put(new byte[0]);
        sum.put(large);
        sum.put("xyz".getBytes(StandardCharsets.UTF_8), 1, 2);

        ByteArrayOutputStream fed = new ByteArrayOutputStream();
        fed.writeBytes("3:abc0:12345:".getBytes(StandardCharsets.US_ASCII));
        fed.writeBytes(large);
        fed.writeBytes("2:yz".getBytes(StandardCharsets.US_ASCII));
        CRC32 crc = new CRC32();
        crc.update(fed.toByteArray());
        CRC32C crcC = new CRC32C();
        crcC.update(fed.toByteArray());

        assertThat(sum.hex()).isEqualTo(String.format("%08x%08x-%x", crc.getValue(), crcC.getValue(), fed.size()));
    }

    @Test
    void keepsLeadingZeros() {
        assertThat(new Checksum().hex()).isEqualTo("0000000000000000-0");
    }
}

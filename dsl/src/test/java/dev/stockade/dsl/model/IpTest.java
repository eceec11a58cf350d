package dev.stockade.dsl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpTest {

    private static Ip ip(String text) {
        return Ip.parse(text).orElseThrow(() -> new AssertionError("does not parse: " + text));
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "10.0.1.50, 10.0.1.50",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "2001:DB8::1, 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:db8::1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3",
        "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
        "::ffff:1.2.3.4, ::ffff:1.2.3.4",
        "0:0:0:0:0:ffff:0102:0304, ::ffff:1.2.3.4",
        "::1.2.3.4, ::102:304",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
        "fe80::, fe80::",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    })
    void parsesAndPrintsCanonicalText(String input, String canonical) {
        Ip parsed = ip(input);
        assertThat(parsed.text()).isEqualTo(canonical);
        assertThat(ip(canonical)).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "256.1.1.1", "1.2.3.-1", "1..2.3", "1.2.3.4.",
        "a.b.c.d", " 1.2.3.4", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":::", "1:::2", "1::2::3",
        ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::", "g::", "fe80::1%eth0", "fe80::1%1",
        "1::2:3:4:5:6:7:8", "1.2.3.4::", "::1.2.3", "::1.2.3.4:5", "::ffff:01.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
    })
    void rejectsMalformedText(String input) {
        assertThat(Ip.parse(input)).isEmpty();
    }

    @Test
    void randomAddressesRoundTripThroughText() {
        Random random = new Random(5952);
        for (int i = 0; i < 2000; i++) {
            // Sparse groups give long zero runs, the interesting case for "::".
            long hi = sparse(random);
            long lo = sparse(random);
            Ip v6 = new Ip(true, hi, lo);
            assertThat(Ip.parse(v6.text())).contains(v6);
            Ip v4 = Ip.v4(random.nextLong());
            assertThat(Ip.parse(v4.text())).contains(v4);
        }
    }

    private static long sparse(Random random) {
        long value = 0;
        for (int g = 0; g < 4; g++) {
            value = (value << 16) | (random.nextInt(3) == 0 ? random.nextInt(0x10000) : 0);
        }
        return value;
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0.0.0.0, 255.255.255.255",
        "1, 128.0.0.0, 255.255.255.255",
        "31, 203.0.113.6, 203.0.113.7",
        "32, 203.0.113.7, 203.0.113.7",
        "8, 203.0.0.0, 203.255.255.255",
        "24, 203.0.113.0, 203.0.113.255",
    })
    void v4NetworkAndBroadcast(int length, String network, String broadcast) {
        Ip address = ip("203.0.113.7");
        assertThat(address.network(length).text()).isEqualTo(network);
        assertThat(address.broadcast(length).text()).isEqualTo(broadcast);
    }

    @ParameterizedTest
    @CsvSource({
        "0, ::, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "1, 8000::, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "31, 8001:db8::, 8001:db9:ffff:ffff:ffff:ffff:ffff:ffff",
        "32, 8001:db8::, 8001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
        "63, 8001:db8:1:2::, 8001:db8:1:3:ffff:ffff:ffff:ffff",
        "64, 8001:db8:1:3::, 8001:db8:1:3:ffff:ffff:ffff:ffff",
        "65, 8001:db8:1:3:8000::, 8001:db8:1:3:ffff:ffff:ffff:ffff",
        "127, 8001:db8:1:3:8000:0:ff:fe, 8001:db8:1:3:8000:0:ff:ff",
        "128, 8001:db8:1:3:8000:0:ff:ff, 8001:db8:1:3:8000:0:ff:ff",
    })
    void v6NetworkAndBroadcast(int length, String network, String broadcast) {
        Ip address = ip("8001:db8:1:3:8000:0:ff:ff");
        assertThat(address.network(length).text()).isEqualTo(network);
        assertThat(address.broadcast(length).text()).isEqualTo(broadcast);
    }

    @Test
    void v6PrefixAtTheHalfBoundary() {
        Ip address = ip("2001:db8::8000:0:0:1");
        assertThat(address.network(64).text()).isEqualTo("2001:db8::");
        assertThat(address.network(65).text()).isEqualTo("2001:db8:0:0:8000::");
        assertThat(address.broadcast(65).text()).isEqualTo("2001:db8::ffff:ffff:ffff:ffff");
        assertThat(address.broadcast(64).text()).isEqualTo("2001:db8::ffff:ffff:ffff:ffff");
        assertThat(ip("2001:db8::").broadcast(63).text()).isEqualTo("2001:db8:0:1:ffff:ffff:ffff:ffff");
    }

    @Test
    void rejectsPrefixLengthsOutsideTheFamily() {
        assertThatThrownBy(() -> ip("10.0.0.0").network(33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ip("::").broadcast(129)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ip("::").network(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersUnsignedWithV4First() {
        assertThat(ip("255.0.0.0")).isGreaterThan(ip("1.0.0.0"));
        assertThat(ip("8000::")).isGreaterThan(ip("7fff::"));
        assertThat(ip("::8000:0:0:0")).isGreaterThan(ip("::7fff:0:0:0"));
        assertThat(ip("::")).isGreaterThan(ip("255.255.255.255"));
    }

    @Test
    void textMatchesAPlainRendering() {
        // A plain, slow rendering of RFC 5952 as the oracle for the byte-writing one.
        Random random = new Random(4291);
        for (int i = 0; i < 20_000; i++) {
            Ip v6 = new Ip(true, sparse(random), i % 7 == 0 ? 0xFFFF_0000_0000L | (random.nextLong() & 0xFFFF_FFFFL) : sparse(random));
            assertThat(v6.text()).isEqualTo(plain(v6));
            Ip v4 = Ip.v4(i < 256 ? i * 0x01010101L : random.nextLong());
            assertThat(v4.text()).isEqualTo(plain(v4));
        }
    }

    private static String plain(Ip ip) {
        if (!ip.v6()) {
            return quad(ip.lo());
        }
        if (ip.hi() == 0 && (ip.lo() >>> 32) == 0xFFFFL) {
            return "::ffff:" + quad(ip.lo() & 0xFFFF_FFFFL);
        }
        String[] groups = new String[8];
        for (int g = 0; g < 8; g++) {
            long half = g < 4 ? ip.hi() : ip.lo();
            groups[g] = Long.toHexString((half >>> (48 - 16 * (g % 4))) & 0xFFFF);
        }
        String joined = ":" + String.join(":", groups) + ":";
        // The longest run of two or more zero groups, the first of equals, becomes "::".
        for (int run = 8; run >= 2; run--) {
            String zeros = ":0".repeat(run) + ":";
            int at = joined.indexOf(zeros);
            if (at >= 0) {
                joined = joined.substring(0, at) + "::" + joined.substring(at + zeros.length());
                break;
            }
        }
        if (!joined.startsWith("::")) {
            joined = joined.substring(1);
        }
        if (!joined.endsWith("::")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined;
    }

    private static String quad(long value) {
        return (value >>> 24) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "." + (value & 0xFF);
    }
}

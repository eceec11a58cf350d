package dev.stockade.dsl.internal;

import dev.stockade.dsl.model.Address;
import dev.stockade.dsl.model.HostName;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.IpPrefix;
import dev.stockade.dsl.source.Span;
import java.util.Optional;
import java.util.regex.Pattern;

/** Addresses: bare or quoted IPv4, quoted IPv6, with an optional prefix; quoted host names. */
final class Addresses {

    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    private Addresses() {
    }

    static Optional<Address> parse(String text, boolean quoted, Span span, Sink sink) {
        boolean looksIp = text.indexOf(':') >= 0 || looksV4(text);
        if (!looksIp) {
            return host(text, quoted, span, sink);
        }
        if (!quoted && text.indexOf(':') >= 0) {
            return Literals.fail(sink, span, "bare IPv6 address " + Quote.of(text) + " must be quoted",
                    "write \"" + text + "\"");
        }
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        Optional<Ip> ip = Ip.parse(addressText);
        if (ip.isEmpty()) {
            String family = text.indexOf(':') >= 0 ? "IPv6" : "IPv4";
            return Literals.fail(sink, span, "bad " + family + " address " + Quote.of(text),
                    family.equals("IPv4") ? "write four numbers 0-255 without leading zeros, e.g. 10.0.1.50 or 10.0.0.0/8"
                            : "write an RFC 4291 address, e.g. \"2001:db8::10\" or \"2001:db8::/64\"");
        }
        int bits = ip.get().bits();
        int length = bits;
        if (slash >= 0) {
            String lengthText = text.substring(slash + 1);
            boolean digits = !lengthText.isEmpty() && lengthText.length() <= 3
                    && lengthText.chars().allMatch(c -> c >= '0' && c <= '9');
            length = digits ? Integer.parseInt(lengthText) : -1;
            if (length < 0 || length > bits || (lengthText.length() > 1 && lengthText.charAt(0) == '0')) {
                return Literals.fail(sink, span, "bad prefix length in " + Quote.of(text),
                        "write a prefix length from 0 to " + bits);
            }
        }
        Ip network = ip.get().network(length);
        if (!network.equals(ip.get())) {
            String corrected = new IpPrefix(network, length, span).text();
            sink.error("syntax", span, "prefix " + Quote.of(text) + " has host bits set",
                    "write " + (network.v6() ? "\"" + corrected + "\"" : corrected)
                            + ", the network that holds it, or a longer prefix");
        }
        return Optional.of(new IpPrefix(network, length, span));
    }

    /** Only digits, dots and slashes: meant as an IPv4 address or prefix, whether or not it is one. */
    private static boolean looksV4(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '/') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static Optional<Address> host(String text, boolean quoted, Span span, Sink sink) {
        if (!quoted || !HOST.matcher(text).matches() || Character.isDigit(text.charAt(text.length() - 1))
                && text.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return Literals.fail(sink, span, "bad address " + Quote.of(text),
                    "write an IPv4 address or CIDR (10.0.1.50, 10.0.0.0/8) or a quoted IPv6 one (\"2001:db8::/64\")");
        }
        return Optional.of(new HostName(text, span));
    }
}

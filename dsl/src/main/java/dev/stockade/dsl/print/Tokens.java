package dev.stockade.dsl.print;

import dev.stockade.dsl.internal.Quote;
import dev.stockade.dsl.model.Address;
import dev.stockade.dsl.model.HostName;
import dev.stockade.dsl.model.IpPrefix;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.PortSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How one value is spelled in canonical policy text: strings, addresses, ports, keys. */
final class Tokens {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Tokens() {
    }

    /** A double-quoted string with the language's escapes; control characters as {@code \}{@code u{HEX}}. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(cp -> Quote.appendEscaped(out, cp));
        return out.append('"').toString();
    }

    /** Several strings separated by one space. */
    static String strings(List<String> values) {
        return values.stream().map(Tokens::string).collect(Collectors.joining(" "));
    }

    /** IPv4 bare; IPv6 and host names quoted, since only IPv4 may be written bare. */
    static String address(Address address) {
        if (address instanceof IpPrefix prefix && !prefix.isV6()) {
            return prefix.text();
        }
        if (address instanceof HostName host) {
            return string(host.value());
        }
        return string(address.text());
    }

    static String ports(PortSet ports) {
        return ports.ranges().stream().map(PortRange::text).collect(Collectors.joining(","));
    }

    /** A vault field: bare when it is spelled like an environment variable name, else a string. */
    static String vaultField(String field) {
        return ENV.matcher(field).matches() ? field : string(field);
    }

    /** A label key: bare when it is a name, else a string. */
    static String labelKey(String key) {
        return NAME.matcher(key).matches() ? key : string(key);
    }
}

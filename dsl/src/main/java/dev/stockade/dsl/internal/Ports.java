package dev.stockade.dsl.internal;

import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.PortSet;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Port lists: {@code 5432}, {@code 80,443}, {@code 8000-8100}, {@code 22,8000-8100}. */
final class Ports {

    private static final String FORM = "write ports 1-65535 and LOW-HIGH ranges separated by commas without spaces, e.g. 22,8000-8100";

    private Ports() {
    }

    static Optional<PortSet> parse(String text, Span span, Sink sink) {
        List<PortRange> ranges = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                return Literals.fail(sink, span, "empty item in port list " + Quote.of(text), FORM);
            }
            String[] bounds = item.split("-", -1);
            if (bounds.length > 2) {
                return Literals.fail(sink, span, "bad port range " + Quote.of(item), FORM);
            }
            int low = port(bounds[0]);
            int high = bounds.length == 2 ? port(bounds[1]) : low;
            if (low == -1 || high == -1) {
                return Literals.fail(sink, span, "bad port " + Quote.of(item), FORM);
            }
            if (low == 0 || high == 0 || low > 65535 || high > 65535) {
                return Literals.fail(sink, span, "port " + Quote.of(item) + " is out of range", "ports are 1 to 65535");
            }
            if (low > high) {
                return Literals.fail(sink, span, "port range " + Quote.of(item) + " is reversed",
                        "write " + high + "-" + low);
            }
            ranges.add(new PortRange(low, high));
        }
        return Optional.of(new PortSet(ranges, span));
    }

    /** The port number, 0 for zero, 65536 for anything too large, -1 when it is not a number. */
    private static int port(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return digits.length() > 5 ? 65536 : Integer.parseInt(digits);
    }
}

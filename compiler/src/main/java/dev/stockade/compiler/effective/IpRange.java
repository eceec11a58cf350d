package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;
import java.util.List;
import java.util.Optional;

/** An inclusive range of addresses of one family, {@code first <= last}. */
public record IpRange(Ip first, Ip last) {

    public IpRange {
        if (first.v6() != last.v6() || first.compareTo(last) > 0) {
            throw new IllegalArgumentException("bad address range " + first.text() + "-" + last.text());
        }
    }

    public boolean v6() {
        return first.v6();
    }

    public boolean contains(Ip ip) {
        return ip.v6() == v6() && first.compareTo(ip) <= 0 && ip.compareTo(last) <= 0;
    }

    /** The prefix that holds exactly this range, if one does. */
    public Optional<Cidr> prefix() {
        List<Cidr> prefixes = Intervals.toPrefixes(List.of(this));
        return prefixes.size() == 1 ? Optional.of(prefixes.get(0)) : Optional.empty();
    }

    public String text() {
        return first.equals(last) ? first.text() : first.text() + "-" + last.text();
    }
}

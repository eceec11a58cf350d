package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Ip;

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

    public String text() {
        return first.equals(last) ? first.text() : first.text() + "-" + last.text();
    }
}

package dev.stockade.dsl.model;

/** An inclusive range of ports, 1 to 65535, {@code low <= high}; a single port has low == high. */
public record PortRange(int low, int high) {

    public PortRange {
        if (low < 1 || high > 65535 || low > high) {
            throw new IllegalArgumentException("bad port range " + low + "-" + high);
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public String text() {
        return low == high ? Integer.toString(low) : low + "-" + high;
    }
}

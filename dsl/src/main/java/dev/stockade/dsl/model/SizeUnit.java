package dev.stockade.dsl.model;

/** The unit of a size: powers of 1024 ({@code KiB}) or of 1000 ({@code KB}). */
public enum SizeUnit implements Keyword {
    B("B", 1L),
    KIB("KiB", 1L << 10),
    MIB("MiB", 1L << 20),
    GIB("GiB", 1L << 30),
    KB("KB", 1_000L),
    MB("MB", 1_000_000L),
    GB("GB", 1_000_000_000L);

    private final String symbol;
    private final long factor;

    SizeUnit(String symbol, long factor) {
        this.symbol = symbol;
        this.factor = factor;
    }

    public String symbol() {
        return symbol;
    }

    public long factor() {
        return factor;
    }

    @Override
    public String keyword() {
        return symbol;
    }
}

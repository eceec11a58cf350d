package dev.stockade.dsl.model;

/** The unit of a duration. */
public enum DurationUnit implements Keyword {
    MS("ms", 1L),
    S("s", 1_000L),
    M("m", 60_000L),
    H("h", 3_600_000L);

    private final String symbol;
    private final long millis;

    DurationUnit(String symbol, long millis) {
        this.symbol = symbol;
        this.millis = millis;
    }

    public String symbol() {
        return symbol;
    }

    public long millis() {
        return millis;
    }

    @Override
    public String keyword() {
        return symbol;
    }
}

package dev.stockade.dsl.model;

/** The transport protocol of a network allow. */
public enum Protocol implements Keyword {
    TCP("tcp"),
    UDP("udp");

    private final String keyword;

    Protocol(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}

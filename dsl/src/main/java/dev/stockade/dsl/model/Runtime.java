package dev.stockade.dsl.model;

/** What runs; decides what hardening the program survives (a JIT needs writable+executable memory). */
public enum Runtime implements Keyword {
    NODE("node"),
    PYTHON("python"),
    JVM("jvm"),
    NATIVE("native");

    private final String keyword;

    Runtime(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}

package dev.stockade.dsl.model;

/** The verb of a filesystem statement. */
public enum FsMode implements Keyword {
    READ("read"),
    WRITE("write"),
    APPEND("append"),
    EXECUTE("execute"),
    DENY("deny");

    private final String keyword;

    FsMode(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}

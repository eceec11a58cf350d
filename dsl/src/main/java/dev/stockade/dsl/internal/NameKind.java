package dev.stockade.dsl.internal;

/** Where a name stands, which decides its pattern and length ({@code name-syntax}). */
enum NameKind {
    SERVER("server name", 63, true),
    USER("user name", 32, false),
    GROUP("group name", 32, false),
    KUBERNETES("kubernetes name", 63, true),
    LABEL("label key", 63, true),
    UNIT("unit name", 255, false),
    RULE("rule id", 255, false),
    ENV("environment variable name", 255, false);

    final String what;
    final int maxLength;
    final boolean dnsLabel;

    NameKind(String what, int maxLength, boolean dnsLabel) {
        this.what = what;
        this.maxLength = maxLength;
        this.dnsLabel = dnsLabel;
    }
}

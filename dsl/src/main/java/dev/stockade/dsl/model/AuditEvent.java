package dev.stockade.dsl.model;

/** An event the audit layer records. */
public enum AuditEvent implements Keyword {
    FILE_ACCESS("file-access"),
    NETWORK_REQUEST("network-request"),
    COMMAND_EXECUTION("command-execution"),
    AUTH_FAILURE("auth-failure");

    private final String keyword;

    AuditEvent(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}

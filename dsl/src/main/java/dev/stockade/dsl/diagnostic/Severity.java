package dev.stockade.dsl.diagnostic;

import java.util.Locale;

/** How serious a finding is. Declared from most to least severe. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The word used in reports and in the policy language: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}

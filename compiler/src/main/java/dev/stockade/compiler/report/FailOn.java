package dev.stockade.compiler.report;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.Severity;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The least severity that fails a build ({@code failOn} in the Maven plugin).
 *
 * <p>The one place that decides pass or fail, so the plugin, the CLI and the tests cannot drift
 * apart: an accepted finding never fails a build, whatever its severity, because {@code accept}
 * exists precisely to let a reviewed risk through.
 */
public enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    INFO(Severity.INFO),
    NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /**
     * Reads a user-supplied value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming every valid value, so a typo in a POM is fixed in one go
     */
    public static FailOn parse(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        // A loop, not a stream: every build parses this first thing, in a fresh plugin class
        // loader, where each stream and lambda shape is bootstrapped on first use.
        for (FailOn failOn : values()) {
            if (failOn.label().equals(wanted)) {
                return failOn;
            }
        }
        throw new IllegalArgumentException("unknown failOn value \"" + Printable.clean(String.valueOf(value))
                + "\"; expected one of " + validValues());
    }

    private static String validValues() {
        return Arrays.stream(values()).map(FailOn::label).collect(Collectors.joining(", "));
    }

    /** The word users write: {@code error}, {@code warning}, {@code info}, {@code never}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The least severity that fails, or empty for {@link #NEVER}. */
    public Optional<Severity> threshold() {
        return Optional.ofNullable(threshold);
    }

    /** True when this one finding alone fails the build. */
    public boolean fails(Diagnostic diagnostic) {
        return threshold != null && !diagnostic.isAccepted() && diagnostic.severity().atLeast(threshold);
    }

    /** Judges a whole run; the failing findings come back in report order. */
    public Verdict judge(Collection<Diagnostic> diagnostics) {
        List<Diagnostic> failing = diagnostics.stream()
                .filter(this::fails)
                .sorted(Diagnostic.ORDER)
                .toList();
        return new Verdict(this, Summary.of(diagnostics), failing);
    }
}

package dev.stockade.compiler.report;

import dev.stockade.dsl.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link FailOn#judge}: whether the build fails and which findings made it fail.
 *
 * <p>Callers act on {@link #failed()} and quote {@link #text()} instead of recounting, so the
 * reason a build failed is worded the same everywhere.
 */
public record Verdict(FailOn failOn, Summary summary, List<Diagnostic> failing) {

    public Verdict {
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(summary, "summary");
        failing = List.copyOf(failing);
    }

    public boolean failed() {
        return !failing.isEmpty();
    }

    /** One line for a build log, e.g. {@code 2 findings at warning or above (failOn warning)}. */
    public String text() {
        String setting = " (failOn " + failOn.label() + ")";
        if (failOn == FailOn.NEVER) {
            return "findings never fail the build" + setting;
        }
        String level = failOn.label() + " or above";
        if (!failed()) {
            return "no finding at " + level + setting;
        }
        int count = failing.size();
        return count + (count == 1 ? " finding" : " findings") + " at " + level + setting;
    }
}

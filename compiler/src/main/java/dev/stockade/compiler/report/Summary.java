package dev.stockade.compiler.report;

import dev.stockade.dsl.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How many findings a report holds, counted once for every renderer.
 *
 * <p>An accepted finding is counted only under {@code accepted}, never under its severity: the
 * severity counts answer "what is still wrong", and a waived finding is not.
 */
public record Summary(int errors, int warnings, int infos, int accepted) {

    public Summary {
        if (errors < 0 || warnings < 0 || infos < 0 || accepted < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public static Summary of(Collection<Diagnostic> diagnostics) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        int accepted = 0;
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isAccepted()) {
                accepted++;
                continue;
            }
            switch (diagnostic.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
        }
        return new Summary(errors, warnings, infos, accepted);
    }

    public int total() {
        return errors + warnings + infos + accepted;
    }

    /** The closing line of a text report, e.g. {@code 3 errors, 1 warning, 1 accepted}; zero counts are left out. */
    public String text() {
        List<String> parts = new ArrayList<>();
        addCount(parts, errors, "error", "errors");
        addCount(parts, warnings, "warning", "warnings");
        addCount(parts, infos, "info", "infos");
        addCount(parts, accepted, "accepted", "accepted");
        return parts.isEmpty() ? "no findings" : String.join(", ", parts);
    }

    private static void addCount(List<String> parts, int count, String singular, String plural) {
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? singular : plural));
        }
    }
}

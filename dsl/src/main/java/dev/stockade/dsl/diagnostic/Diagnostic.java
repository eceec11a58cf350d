package dev.stockade.dsl.diagnostic;

import dev.stockade.dsl.source.Span;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding: a rule id, a severity, where it is, what is wrong and how to fix it.
 *
 * <p>A finding waived by {@code accept RULE because "reason"} keeps its severity and carries
 * the reason in {@link #acceptedBecause()}; it is still reported but does not fail a build.
 */
public record Diagnostic(
        String rule, Severity severity, Span span, String message, String hint, Optional<String> acceptedBecause) {

    /** Report order: file, line, column, then rule id, then message for a total order. */
    public static final Comparator<Diagnostic> ORDER = (a, b) -> {
        int order = Span.ORDER.compare(a.span, b.span);
        if (order == 0) {
            order = a.rule.compareTo(b.rule);
        }
        return order != 0 ? order : a.message.compareTo(b.message);
    };

    public Diagnostic {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(acceptedBecause, "acceptedBecause");
    }

    public Diagnostic(String rule, Severity severity, Span span, String message, String hint) {
        this(rule, severity, span, message, hint, Optional.empty());
    }

    public static Diagnostic error(String rule, Span span, String message, String hint) {
        return new Diagnostic(rule, Severity.ERROR, span, message, hint);
    }

    public static Diagnostic warning(String rule, Span span, String message, String hint) {
        return new Diagnostic(rule, Severity.WARNING, span, message, hint);
    }

    public static Diagnostic info(String rule, Span span, String message, String hint) {
        return new Diagnostic(rule, Severity.INFO, span, message, hint);
    }

    /** This finding, waived with the given reason. */
    public Diagnostic accepted(String reason) {
        return new Diagnostic(rule, severity, span, message, hint, Optional.of(reason));
    }

    public boolean isAccepted() {
        return acceptedBecause.isPresent();
    }

    /** True for an error that was not waived: it makes the policy unusable for compilation. */
    public boolean isBlockingError() {
        return severity == Severity.ERROR && !isAccepted();
    }

    // Spans compare equal to every span (see Span); a diagnostic's position is part of its value.
    @Override
    public boolean equals(Object other) {
        return other instanceof Diagnostic that
                && rule.equals(that.rule)
                && severity == that.severity
                && span.samePosition(that.span)
                && message.equals(that.message)
                && hint.equals(that.hint)
                && acceptedBecause.equals(that.acceptedBecause);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, severity, span.file(), span.line(), span.column(), message);
    }
}

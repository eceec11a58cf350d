package dev.stockade.compiler.target;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.source.Span;

/** How a target says what it could not do: the same findings as the checks, so waivers apply. */
public final class TargetReport {

    private final Findings findings;

    public TargetReport(Findings findings) {
        this.findings = findings;
    }

    /** The target enforces something stricter or nearer than the statement: say what, and what not. */
    public void approximation(String target, ServerContext server, Span span, String message, String hint) {
        findings.report(RuleCatalog.TARGET_APPROXIMATION, server, span, target + ": " + message, hint);
    }

    /** Adds findings a target set aside (see {@link FleetTarget}), in their order. */
    public void include(Findings deferred) {
        findings.addAll(deferred);
    }

    /** The target was not generated for this server, which lacks what it needs. */
    public void skipped(String target, ServerContext server, Span span, String message, String hint) {
        findings.report(RuleCatalog.TARGET_SKIPPED, server, span, target + ": " + message, hint);
    }
}

/**
 * Renders diagnostics for people (compiler-style text), for scripts (JSON) and for code-scanning
 * services (SARIF 2.1.0), and decides whether they fail a build.
 *
 * <p>Every renderer is a pure function of its inputs: findings are sorted by
 * {@link dev.stockade.dsl.diagnostic.Diagnostic#ORDER} and nothing depends on the platform, the
 * clock or the order the checks ran in, so two runs over the same policies give byte-identical
 * reports. Counting and pass/fail live in {@link dev.stockade.compiler.report.Summary} and
 * {@link dev.stockade.compiler.report.FailOn} only, so the text report, the JSON report and the
 * Maven plugin can never disagree about them.
 */
package dev.stockade.compiler.report;

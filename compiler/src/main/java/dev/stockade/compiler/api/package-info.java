/**
 * The Maven-free entry points a front end (the Maven plugin, a CLI, a test) drives:
 * {@link dev.stockade.compiler.api.PolicySources#load} finds and reads policy files,
 * {@link dev.stockade.compiler.api.Validation#run} parses, checks and judges them,
 * {@link dev.stockade.compiler.api.ReportFiles#write} writes the JSON and SARIF reports, and
 * {@link dev.stockade.compiler.api.Generation#run} compiles them in memory into the files an
 * output directory should hold (the {@link dev.stockade.compiler.api.Manifest} included).
 *
 * <p>{@code generate} and {@code check} share one path: {@link dev.stockade.compiler.api.Drift#compare}
 * compares those files with the directory; {@link dev.stockade.compiler.api.ArtifactWriter#apply}
 * writes the drift away, {@link dev.stockade.compiler.api.DriftCheck#report} explains it.
 * {@link dev.stockade.compiler.api.Fingerprint} lets a goal skip a run whose inputs did not change.
 *
 * <p>Bad policy text never throws: it becomes diagnostics and a verdict. Only a broken
 * environment (an unreadable file, a link loop, a report that cannot be written) is an
 * {@link java.io.IOException}, with a message that names the path.
 */
package dev.stockade.compiler.api;

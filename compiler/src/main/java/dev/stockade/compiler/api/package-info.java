/**
 * The Maven-free entry points a front end (the Maven plugin, a CLI, a test) drives:
 * {@link dev.stockade.compiler.api.PolicySources#load} finds and reads policy files,
 * {@link dev.stockade.compiler.api.Validation#run} parses, checks and judges them, and
 * {@link dev.stockade.compiler.api.ReportFiles#write} writes the JSON and SARIF reports.
 *
 * <p>Bad policy text never throws: it becomes diagnostics and a verdict. Only a broken
 * environment (an unreadable file, a link loop, a report that cannot be written) is an
 * {@link java.io.IOException}, with a message that names the path.
 */
package dev.stockade.compiler.api;

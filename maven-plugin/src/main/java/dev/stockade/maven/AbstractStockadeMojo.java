package dev.stockade.maven;

import dev.stockade.compiler.api.Fingerprint;
import dev.stockade.compiler.api.LargeFleet;
import dev.stockade.compiler.api.PolicySources;
import dev.stockade.compiler.api.ReportFiles;
import dev.stockade.compiler.api.ValidationResult;
import dev.stockade.compiler.report.FailOn;
import dev.stockade.compiler.report.TextReport;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every stockade goal shares: finding the policies, printing findings, writing reports,
 * failing on {@code failOn}, and remembering a successful run.
 */
// Thin on purpose: every decision about policies is made in dev.stockade.compiler.api. Policy
// problems fail the build (MojoFailureException); a broken environment or a bad parameter is an
// error of the build itself (MojoExecutionException).
abstract class AbstractStockadeMojo extends AbstractMojo {

    /** The directory searched, with all its subdirectories, for {@code *.stockade} files. */
    @Parameter(property = "stockade.policyDirectory", defaultValue = "${project.basedir}/src/main/stockade")
    File policyDirectory;

    /**
     * The least severity that fails the build: {@code error}, {@code warning}, {@code info} or
     * {@code never}. Accepted findings never fail it.
     */
    @Parameter(property = "stockade.failOn", defaultValue = "error")
    String failOn;

    /** Skips the goal altogether. */
    @Parameter(property = "stockade.skip", defaultValue = "false")
    boolean skip;

    /**
     * The most findings of each severity, and the most written or deleted files, the build log lists
     * one by one; the rest are counted in one line. The reports hold every finding and the output
     * directory's manifest every file. 0 lists everything.
     */
    @Parameter(property = "stockade.logLimit", defaultValue = "100")
    int logLimit = 100;

    /** Where {@code report.json} and {@code stockade.sarif} are written. */
    @Parameter(property = "stockade.reportDirectory", defaultValue = "${project.build.directory}/stockade")
    File reportDirectory;

    /** The project root: display paths and SARIF locations are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDirectory;

    /** Where the record of the last successful run is kept, so {@code mvn clean} forgets it. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    String pluginVersion;

    /** The goal's name, for log lines and the record of its last run. */
    abstract String goal();

    /**
     * The policies to work on, by display path, as bytes: decoded only when the run is not up to
     * date. Empty (after a warning that says where it looked) when there are none.
     */
    final ReadPolicies readPolicies() throws MojoExecutionException {
        Path policies = resolve(policyDirectory);
        SortedMap<String, byte[]> sources;
        try {
            sources = PolicySources.read(policies, base());
        } catch (IOException failure) {
            throw new MojoExecutionException("Cannot load Stockade policies: " + failure.getMessage(), failure);
        }
        if (sources.isEmpty()) {
            String problem = Files.isDirectory(policies) ? "No .stockade files found in " : "No policy directory at ";
            getLog().warn(problem + policies
                    + "; nothing to " + goal() + " (set stockade.policyDirectory to where the policies are)");
        }
        return new ReadPolicies(sources);
    }

    /** {@code failOn}, parsed; also checks {@code logLimit}, so a bad setting fails before any work. */
    final FailOn failOnSetting() throws MojoExecutionException {
        LogLimit.checked(logLimit);
        try {
            return FailOn.parse(failOn);
        } catch (IllegalArgumentException invalid) {
            throw new MojoExecutionException("stockade.failOn: " + invalid.getMessage(), invalid);
        }
    }

    /**
     * Prints the findings (up to {@code logLimit} of each level) and the summary, writes the
     * reports, and fails when {@code failOn} says so.
     */
    final void report(ValidationResult result) throws MojoExecutionException, MojoFailureException {
        int limit = LogLimit.checked(logLimit);
        Map<String, SourceFile> sources = result.sourcesByPath();
        Map<Level, LogLimit> counts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            counts.put(level, LogLimit.of(limit));
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            Level level = level(diagnostic);
            if (counts.get(level).list()) {
                // The whole block goes in one call, so the excerpt lines keep their columns and the
                // carets stay under the span; only the header line gets Maven's level prefix.
                log(level, TextReport.renderFinding(diagnostic, sources));
            }
        }
        Path reports = resolve(reportDirectory);
        String where = " not listed (stockade.logLimit=" + limit + "): every finding is in "
                + display(reports.resolve(ReportFiles.JSON)) + " and " + ReportFiles.SARIF;
        for (Level level : Level.values()) {
            int unlisted = counts.get(level).unlisted();
            if (unlisted > 0) {
                log(level, count(unlisted, "more " + level.finding, "more " + level.finding + "s") + where);
            }
        }
        getLog().info(result.summary().text());
        LargeFleet.advice(result.servers()).ifPresent(getLog()::info);
        try {
            for (Path written : ReportFiles.write(result, reports, base(), pluginVersion)) {
                getLog().info("Wrote " + written);
            }
        } catch (IOException failure) {
            throw new MojoExecutionException("Cannot write Stockade reports: " + failure.getMessage(), failure);
        }
        if (result.verdict().failed()) {
            throw new MojoFailureException("Stockade policy validation failed: " + result.verdict().text());
        }
    }

    /** The level a finding is logged at: its severity's, but a waived finding is only information. */
    enum Level {
        ERROR("error"), WARNING("warning"), INFO("info or accepted finding");

        /** What one finding logged at this level is called. */
        final String finding;

        Level(String finding) {
            this.finding = finding;
        }
    }

    static Level level(Diagnostic diagnostic) {
        // A waived finding no longer threatens the build; logging it as [ERROR] would cry wolf.
        if (diagnostic.isAccepted()) {
            return Level.INFO;
        }
        return switch (diagnostic.severity()) {
            case ERROR -> Level.ERROR;
            case WARNING -> Level.WARNING;
            case INFO -> Level.INFO;
        };
    }

    void log(Diagnostic diagnostic, String block) {
        log(level(diagnostic), block);
    }

    private void log(Level level, String block) {
        Log log = getLog();
        switch (level) {
            case ERROR -> log.error(block);
            case WARNING -> log.warn(block);
            case INFO -> log.info(block);
        }
    }

    /** The settings every goal's fingerprint covers; goals add their own. */
    SortedMap<String, String> settings(FailOn threshold) {
        SortedMap<String, String> settings = new TreeMap<>();
        settings.put("goal", goal());
        settings.put("pluginVersion", pluginVersion);
        settings.put("failOn", threshold.label());
        settings.put("policyDirectory", resolve(policyDirectory).toString());
        settings.put("reportDirectory", resolve(reportDirectory).toString());
        return settings;
    }

    /**
     * True, after one log line saying so, when the last successful run had the same fingerprint
     * and its reports are still there.
     */
    final boolean upToDate(String fingerprint, int policyCount) {
        Path reports = resolve(reportDirectory);
        if (!Files.isRegularFile(reports.resolve(ReportFiles.JSON)) || !Files.isRegularFile(reports.resolve(ReportFiles.SARIF))) {
            return false;
        }
        Optional<String> summary = Fingerprint.recorded(fingerprintFile(), fingerprint);
        if (summary.isEmpty()) {
            return false;
        }
        getLog().info("Stockade " + goal() + " is up to date: " + count(policyCount, "policy file", "policy files")
                + ", plugin version and configuration unchanged since the last successful run (last run: "
                + summary.get() + "; details in " + display(reports.resolve(ReportFiles.JSON)) + ")");
        return true;
    }

    final void forgetLastRun() throws MojoExecutionException {
        try {
            Fingerprint.forget(fingerprintFile());
        } catch (IOException failure) {
            throw new MojoExecutionException("Cannot delete " + fingerprintFile() + ": " + failure.getMessage(), failure);
        }
    }

    final void recordRun(String fingerprint, String summary) throws MojoExecutionException {
        try {
            Fingerprint.record(fingerprintFile(), fingerprint, summary);
        } catch (IOException failure) {
            throw new MojoExecutionException("Cannot write " + fingerprintFile() + ": " + failure.getMessage(), failure);
        }
    }

    final Path fingerprintFile() {
        return resolve(buildDirectory).resolve("stockade").resolve(goal() + ".fingerprint");
    }

    // A relative path given on the command line (-Dstockade.policyDirectory=examples) means the
    // project's directory, not the directory Maven happened to be started from.
    final Path resolve(File directory) {
        Path path = directory.toPath();
        return (path.isAbsolute() ? path : base().resolve(path)).toAbsolutePath().normalize();
    }

    final Path base() {
        return baseDirectory.toPath().toAbsolutePath().normalize();
    }

    /** A path as the reader should see it: relative to the project when it is inside it. */
    final String display(Path path) {
        return PolicySources.displayPath(path, base());
    }

    static String count(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}

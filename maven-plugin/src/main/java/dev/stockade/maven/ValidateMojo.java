package dev.stockade.maven;

import dev.stockade.compiler.api.PolicySources;
import dev.stockade.compiler.api.ReportFiles;
import dev.stockade.compiler.api.Validation;
import dev.stockade.compiler.api.ValidationResult;
import dev.stockade.compiler.report.FailOn;
import dev.stockade.compiler.report.TextReport;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's {@code .stockade} policies, prints each finding compiler-style, writes
 * {@code report.json} and {@code stockade.sarif}, and fails the build when a finding reaches
 * {@code failOn}. A missing or empty policy directory is a warning, not a failure.
 */
// A thin adapter: loading, validating and writing reports live in dev.stockade.compiler.api; this
// class only maps parameters in and outcomes out. Policy problems fail the build
// (MojoFailureException); a broken environment, such as an unreadable file or a bad parameter, is
// an error of the build itself (MojoExecutionException).
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

    /** The directory searched, with all its subdirectories, for {@code *.stockade} files. */
    @Parameter(property = "stockade.policyDirectory", defaultValue = "${project.basedir}/src/main/stockade")
    private File policyDirectory;

    /**
     * The least severity that fails the build: {@code error}, {@code warning}, {@code info} or
     * {@code never}. Accepted findings never fail it.
     */
    @Parameter(property = "stockade.failOn", defaultValue = "error")
    private String failOn;

    /** Skips validation altogether. */
    @Parameter(property = "stockade.skip", defaultValue = "false")
    private boolean skip;

    /** Where {@code report.json} and {@code stockade.sarif} are written. */
    @Parameter(property = "stockade.reportDirectory", defaultValue = "${project.build.directory}/stockade")
    private File reportDirectory;

    /** The project root: display paths and SARIF locations are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Stockade validation skipped (stockade.skip)");
            return;
        }
        FailOn threshold = failOnSetting();
        Path base = baseDirectory.toPath();
        Path policies = resolve(policyDirectory);
        List<SourceFile> sources = load(policies, base);
        if (sources.isEmpty()) {
            String problem = Files.isDirectory(policies) ? "No .stockade files found in " : "No policy directory at ";
            getLog().warn(problem + policies
                    + "; nothing to validate (set stockade.policyDirectory to where the policies are)");
            return;
        }
        getLog().info("Validating " + sources.size() + (sources.size() == 1 ? " policy file" : " policy files")
                + " in " + PolicySources.displayPath(policies, base.toAbsolutePath().normalize()));
        ValidationResult result = Validation.run(sources, threshold);
        logFindings(result);
        getLog().info(result.summary().text());
        writeReports(result, base);
        if (result.verdict().failed()) {
            throw new MojoFailureException("Stockade policy validation failed: " + result.verdict().text());
        }
    }

    private FailOn failOnSetting() throws MojoExecutionException {
        try {
            return FailOn.parse(failOn);
        } catch (IllegalArgumentException invalid) {
            throw new MojoExecutionException("stockade.failOn: " + invalid.getMessage(), invalid);
        }
    }

    // A relative path given on the command line (-Dstockade.policyDirectory=examples) means the
    // project's directory, not the directory Maven happened to be started from.
    private Path resolve(File directory) {
        Path path = directory.toPath();
        return (path.isAbsolute() ? path : baseDirectory.toPath().resolve(path)).toAbsolutePath().normalize();
    }

    private static List<SourceFile> load(Path policies, Path base) throws MojoExecutionException {
        try {
            return PolicySources.load(policies, base);
        } catch (IOException failure) {
            throw new MojoExecutionException("Cannot load Stockade policies: " + failure.getMessage(), failure);
        }
    }

    private void logFindings(ValidationResult result) {
        Map<String, SourceFile> sources = result.sourcesByPath();
        for (Diagnostic diagnostic : result.diagnostics()) {
            // The whole block goes in one call, so the excerpt lines keep their columns and the
            // carets stay under the span; only the header line gets Maven's level prefix.
            log(diagnostic, TextReport.renderFinding(diagnostic, sources));
        }
    }

    void log(Diagnostic diagnostic, String block) {
        Log log = getLog();
        // A waived finding no longer threatens the build; logging it as [ERROR] would cry wolf.
        if (diagnostic.isAccepted()) {
            log.info(block);
            return;
        }
        switch (diagnostic.severity()) {
            case ERROR -> log.error(block);
            case WARNING -> log.warn(block);
            case INFO -> log.info(block);
        }
    }

    private void writeReports(ValidationResult result, Path base) throws MojoExecutionException {
        try {
            for (Path written : ReportFiles.write(result, resolve(reportDirectory), base, pluginVersion)) {
                getLog().info("Wrote " + written);
            }
        } catch (IOException failure) {
            throw new MojoExecutionException("Cannot write Stockade reports: " + failure.getMessage(), failure);
        }
    }
}

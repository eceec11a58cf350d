package dev.stockade.maven;

import dev.stockade.compiler.api.Comparison;
import dev.stockade.compiler.api.Drift;
import dev.stockade.compiler.api.Generation;
import dev.stockade.compiler.report.FailOn;
import dev.stockade.dsl.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code generate} and {@code check} share, which is everything up to the {@link Drift}:
 * they differ only in what they do with it (write it, or report it).
 */
abstract class AbstractCompileMojo extends AbstractStockadeMojo {

    /** Where the generated files go; meant to be committed, so reviews see what a policy change does. */
    @Parameter(property = "stockade.outputDirectory", defaultValue = "${project.basedir}/isolation")
    File outputDirectory;

    /**
     * The targets to compile, separated by commas (for example {@code systemd,netfilter}); empty
     * means every target. An unknown name fails the build with the list of valid ones.
     */
    @Parameter(property = "stockade.targets")
    String targets;

    /** The -D options given on the command line, so the fix command of a drift can repeat them. */
    @Parameter(defaultValue = "${session.userProperties}", readonly = true)
    Properties userProperties;

    final List<String> targetNames() throws MojoExecutionException {
        try {
            return Generation.parseTargets(targets);
        } catch (IllegalArgumentException unknown) {
            throw new MojoExecutionException("stockade.targets: " + unknown.getMessage(), unknown);
        }
    }

    @Override
    SortedMap<String, String> settings(FailOn threshold) {
        SortedMap<String, String> settings = super.settings(threshold);
        settings.put("outputDirectory", resolve(outputDirectory).toString());
        settings.put("targets", targets == null ? "" : targets.strip());
        return settings;
    }

    /**
     * What a compile goal runs on: {@code failOn} read and checked, and the policies read (not yet
     * decoded). The targets are read by the goal: {@code generate} reads them only when it is not
     * up to date, since naming them loads every target.
     */
    record Run(FailOn threshold, ReadPolicies policies, Path output) {
    }

    /** The run's inputs, or empty when the goal is skipped or there is no policy (both logged already). */
    final Optional<Run> prepare() throws MojoExecutionException {
        if (skip) {
            getLog().info("Stockade " + goal() + " skipped (stockade.skip)");
            return Optional.empty();
        }
        FailOn threshold = failOnSetting();
        ReadPolicies policies = readPolicies();
        if (policies.isEmpty()) {
            targetNames(); // nothing to compile, but a misspelt target still fails the build
            return Optional.empty();
        }
        return Optional.of(new Run(threshold, policies, resolve(outputDirectory)));
    }

    /** The comparison, and the summary line of the findings that came with it. */
    record Compared(Drift drift, String findings) {
    }

    /**
     * Validates and compiles, comparing each file with the output directory as it is made (see
     * {@link Comparison}), prints and writes the findings, fails on {@code failOn}, and gives the
     * drift.
     */
    final Compared compileAndCompare(List<SourceFile> sources, FailOn threshold, List<String> names,
            Comparison comparison) throws MojoExecutionException, MojoFailureException {
        Path output = resolve(outputDirectory);
        Generation.Result result;
        try {
            result = Generation.run(sources, threshold, names, comparison);
        } catch (IOException failure) {
            throw new MojoExecutionException("Stockade cannot " + goal() + " " + display(output) + ": "
                    + failure.getMessage(), failure);
        }
        report(result.validation());
        if (result.blocked()) {
            // failOn never let the errors through, but there is nothing to write or compare: saying
            // "up to date" or deleting every earlier artifact would both be wrong.
            throw new MojoFailureException("Stockade cannot " + goal() + ": errors that are not waived stop"
                    + " the compilation (" + result.validation().summary().text() + "); "
                    + display(output) + " was left as it is");
        }
        try {
            return new Compared(comparison.finish(), result.validation().summary().text());
        } catch (IOException failure) {
            throw new MojoExecutionException("Cannot read " + display(output) + ": " + failure.getMessage(), failure);
        }
    }

    /** The command that regenerates the output, with the -D options this build was given. */
    final String fixCommand() {
        StringBuilder command = new StringBuilder("mvn stockade:generate");
        if (userProperties == null) {
            return command.toString();
        }
        for (String key : List.of("stockade.policyDirectory", "stockade.outputDirectory", "stockade.targets")) {
            String value = userProperties.getProperty(key);
            if (value != null) {
                command.append(" -D").append(key).append('=').append(shellWord(value));
            }
        }
        return command.toString();
    }

    private static String shellWord(String value) {
        return value.matches("[A-Za-z0-9_./,:=@%+-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}

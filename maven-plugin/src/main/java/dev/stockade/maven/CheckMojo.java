package dev.stockade.maven;

import dev.stockade.compiler.api.Comparison;
import dev.stockade.compiler.api.Drift;
import dev.stockade.compiler.api.DriftCheck;
import dev.stockade.compiler.report.FailOn;
import dev.stockade.dsl.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates the policies, compiles them and compares each file with {@code outputDirectory} as it
 * is made, writing nothing. Any missing, changed or stale file fails the build with the list, a
 * unified diff cut at a readable length, and the command that fixes it. Meant for CI, so a policy
 * edited without regenerating, or a generated file edited by hand, never reaches a machine.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCompileMojo {

    @Override
    String goal() {
        return "check";
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Optional<Run> run = prepare();
        if (run.isEmpty()) {
            return;
        }
        FailOn threshold = run.get().threshold();
        List<String> names = targetNames();
        List<SourceFile> sources = run.get().policies().decode();
        Path output = run.get().output();
        getLog().info("Checking " + display(output) + " against " + count(sources.size(), "policy file", "policy files")
                + " in " + display(resolve(policyDirectory)));
        Drift drift = compileAndCompare(sources, threshold, names, Comparison.checking(output)).drift();
        Optional<String> problem = DriftCheck.report(drift, display(output), fixCommand());
        if (problem.isEmpty()) {
            getLog().info(display(output) + " is up to date with the policies ("
                    + count(drift.unchanged().size(), "file", "files") + ")");
            return;
        }
        getLog().error(problem.get());
        throw new MojoFailureException("Stockade artifacts in " + display(output)
                + " are out of date; run `" + fixCommand() + "`");
    }
}

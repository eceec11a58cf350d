package dev.stockade.maven;

import dev.stockade.compiler.api.Fingerprint;
import dev.stockade.compiler.api.Validation;
import dev.stockade.compiler.api.ValidationResult;
import dev.stockade.compiler.report.FailOn;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the project's {@code .stockade} policies, prints each finding compiler-style, writes
 * {@code report.json} and {@code stockade.sarif}, and fails the build when a finding reaches
 * {@code failOn}. A missing or empty policy directory is a warning, not a failure. When neither
 * the policies, the plugin version nor the configuration changed since the last successful run,
 * it says so in one line and does nothing.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractStockadeMojo {

    @Override
    String goal() {
        return "validate";
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Stockade validation skipped (stockade.skip)");
            return;
        }
        FailOn threshold = failOnSetting();
        ReadPolicies policies = readPolicies();
        if (policies.isEmpty()) {
            return;
        }
        String fingerprint = Fingerprint.of(policies.checksum(), settings(threshold));
        if (upToDate(fingerprint, policies.count())) {
            return;
        }
        forgetLastRun();
        getLog().info("Validating " + count(policies.count(), "policy file", "policy files") + " in "
                + display(resolve(policyDirectory)));
        ValidationResult result = Validation.run(policies.decode(), threshold);
        report(result);
        recordRun(fingerprint, result.summary().text());
    }
}

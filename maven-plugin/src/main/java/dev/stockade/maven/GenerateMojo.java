package dev.stockade.maven;

import dev.stockade.compiler.api.ArtifactWriter;
import dev.stockade.compiler.api.Comparison;
import dev.stockade.compiler.api.Fingerprint;
import dev.stockade.compiler.api.Manifest;
import dev.stockade.compiler.api.OutputState;
import dev.stockade.compiler.api.Staging;
import dev.stockade.compiler.report.FailOn;
import dev.stockade.dsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates the policies, then compiles them into {@code outputDirectory}: writes only the files
 * whose content changed, deletes the files it generated earlier that are no longer produced (and
 * never any other file), and keeps the list in {@code .stockade-manifest}. When neither the
 * policies, the plugin version, the configuration nor the output directory changed since the
 * last successful run, it says so in one line and does nothing.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractCompileMojo {

    @Override
    String goal() {
        return "generate";
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Optional<Run> run = prepare();
        if (run.isEmpty()) {
            return;
        }
        FailOn threshold = run.get().threshold();
        ReadPolicies policies = run.get().policies();
        Path output = run.get().output();
        // INVARIANT: the fingerprint covers the targets setting as written, and a run records one
        // only after the names were valid, so a skipped run never hides an unknown target.
        Optional<String> fingerprint = fingerprint(policies, threshold, OutputState.of(output));
        if (fingerprint.isPresent() && upToDate(fingerprint.get(), policies.count())) {
            return;
        }
        List<String> names = targetNames();
        forgetLastRun();
        List<SourceFile> sources = policies.decode();
        getLog().info("Generating " + (names.isEmpty() ? "every target" : String.join(", ", names)) + " from "
                + count(sources.size(), "policy file", "policy files") + " in " + display(resolve(policyDirectory))
                + " into " + display(output));
        Compared compared;
        ArtifactWriter.Written written;
        Optional<String> state;
        // The files that differ wait in the staging directory until failOn has judged the findings;
        // closing it deletes whatever was not moved into place.
        try (Staging staging = Staging.in(output)) {
            Comparison comparison = Comparison.staging(staging);
            compared = compileAndCompare(sources, threshold, names, comparison);
            written = ArtifactWriter.apply(compared.drift(), staging);
            // What the next run's OutputState.of will read, from the bytes just compared.
            state = comparison.stateOnceApplied(compared.drift());
        } catch (IOException failure) {
            throw new MojoExecutionException("Cannot write Stockade artifacts: " + failure.getMessage(), failure);
        }
        listFiles(output, written);
        String summary = count(written.written().size(), "file", "files") + " written, "
                + written.deleted().size() + " deleted, " + written.unchanged() + " unchanged";
        getLog().info("Stockade artifacts in " + display(output) + ": " + summary);
        Optional<String> after = fingerprint(policies, threshold, state);
        if (after.isPresent()) {
            recordRun(after.get(), compared.findings() + "; " + summary);
        }
    }

    /** The files written and deleted, up to {@code logLimit} of each; the manifest lists them all. */
    private void listFiles(Path output, ArtifactWriter.Written written) {
        String prefix = display(output) + "/";
        String manifest = prefix + Manifest.FILE_NAME;
        LogLimit wrote = LogLimit.of(logLimit);
        for (String path : written.written()) {
            if (wrote.list()) {
                getLog().info("Wrote " + prefix + path);
            }
        }
        if (wrote.unlisted() > 0) {
            getLog().info("Wrote " + count(wrote.unlisted(), "more file", "more files") + " not listed (stockade.logLimit="
                    + logLimit + "); " + manifest + " lists every generated file");
        }
        LogLimit deleted = LogLimit.of(logLimit);
        for (String path : written.deleted()) {
            if (deleted.list()) {
                getLog().info("Deleted " + prefix + path + " (no longer generated)");
            }
        }
        if (deleted.unlisted() > 0) {
            getLog().info("Deleted " + count(deleted.unlisted(), "more file", "more files")
                    + " no longer generated, not listed (stockade.logLimit=" + logLimit + ")");
        }
    }

    // The output directory's state is part of the fingerprint: a hand edit or a deleted file must
    // be repaired by the next generate, not skipped. A directory without a state has none.
    private Optional<String> fingerprint(ReadPolicies policies, FailOn threshold, Optional<String> state) {
        if (state.isEmpty()) {
            return Optional.empty();
        }
        SortedMap<String, String> settings = settings(threshold);
        settings.put("outputState", state.get());
        return Optional.of(Fingerprint.of(policies.checksum(), settings));
    }
}

package dev.stockade.compiler.api;

import dev.stockade.compiler.target.Artifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Generate and check over artifacts the test names, the way the plugin's goals run them over a compile. */
final class Outputs {

    private Outputs() {
    }

    /** What {@code generate} does: compare with staging, then apply. */
    static ArtifactWriter.Written generate(Path directory, Artifact... files) throws IOException {
        try (Staging staging = Staging.in(directory)) {
            return ArtifactWriter.apply(compare(Comparison.staging(staging), files), staging);
        }
    }

    /** What {@code check} does: compare, keeping the diff. */
    static Drift check(Path directory, Artifact... files) throws IOException {
        return compare(Comparison.checking(directory), files);
    }

    static Drift compare(Comparison comparison, Artifact... files) throws IOException {
        List.of(files).forEach(comparison);
        return comparison.finish();
    }
}

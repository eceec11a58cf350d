package dev.stockade.compiler.api;

import dev.stockade.compiler.report.Summary;
import dev.stockade.compiler.report.Verdict;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What validating a set of policy files gives.
 *
 * @param sources the files that were validated, in the order they were parsed
 * @param servers how many servers the policies declare (the model itself is not kept: a large fleet's
 *     would outweigh everything else the build holds)
 * @param diagnostics every finding, the parser's and the checks', in report order
 * @param verdict whether the findings fail the build under the chosen {@code failOn}
 */
public record ValidationResult(
        List<SourceFile> sources, int servers, List<Diagnostic> diagnostics, Verdict verdict) {

    public ValidationResult {
        sources = List.copyOf(sources);
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The sources by display path, as the text report wants them; iteration follows {@link #sources()}. */
    public Map<String, SourceFile> sourcesByPath() {
        Map<String, SourceFile> byPath = new LinkedHashMap<>();
        sources.forEach(source -> byPath.put(source.path(), source));
        return byPath;
    }

    public Summary summary() {
        return verdict.summary();
    }
}

package dev.stockade.compiler.api;

import dev.stockade.compiler.report.Summary;
import dev.stockade.compiler.report.Verdict;
import dev.stockade.dsl.ParseResult;
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
 * @param parse the parser's result: the model and the syntax-level findings
 * @param diagnostics every finding, the parser's and the checks', in report order
 * @param verdict whether the findings fail the build under the chosen {@code failOn}
 */
public record ValidationResult(
        List<SourceFile> sources, ParseResult parse, List<Diagnostic> diagnostics, Verdict verdict) {

    public ValidationResult {
        sources = List.copyOf(sources);
        Objects.requireNonNull(parse, "parse");
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

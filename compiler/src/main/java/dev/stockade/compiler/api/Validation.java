package dev.stockade.compiler.api;

import dev.stockade.compiler.report.FailOn;
import dev.stockade.compiler.report.Verdict;
import dev.stockade.compiler.Stockade;
import dev.stockade.dsl.source.SourceFile;
import java.util.List;

/**
 * Validates policy files: parse, check, judge. The one code path behind the Maven goals (and any
 * other front end), so they cannot disagree about what is wrong or whether it fails a build.
 */
public final class Validation {

    private Validation() {
    }

    /** Validates {@code sources}, parsed in the given order; never throws for bad policy text. */
    public static ValidationResult run(List<SourceFile> sources, FailOn failOn) {
        Stockade.Outcome outcome = Stockade.check(sources);
        Verdict verdict = failOn.judge(outcome.diagnostics());
        return new ValidationResult(
                sources, outcome.parse().policies().servers().size(), outcome.diagnostics(), verdict);
    }
}

package dev.stockade.compiler.api;

import dev.stockade.compiler.report.FailOn;
import dev.stockade.compiler.report.Verdict;
import dev.stockade.dsl.ParseResult;
import dev.stockade.dsl.PolicyParser;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.PolicySet;
import dev.stockade.dsl.source.SourceFile;
import java.util.ArrayList;
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
        ParseResult parse = PolicyParser.parse(sources);
        List<Diagnostic> diagnostics = new ArrayList<>(parse.diagnostics());
        diagnostics.addAll(check(parse.policies()));
        diagnostics.sort(Diagnostic.ORDER);
        Verdict verdict = failOn.judge(diagnostics);
        return new ValidationResult(sources, parse, diagnostics, verdict);
    }

    /**
     * The semantic checks of the rule catalog, run on everything the parser understood.
     *
     * <p>EXTENSION POINT: the rule checks (and the {@code accept} waivers they honour) plug in
     * here. Until they exist this step finds nothing, so only the parser's findings are reported.
     */
    static List<Diagnostic> check(PolicySet policies) {
        return List.of();
    }
}

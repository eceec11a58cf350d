package dev.stockade.dsl;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.PolicySet;
import java.util.List;

/**
 * What a parse gives: the model of everything that could be read, and the diagnostics sorted by
 * file, line, column and rule. A file with errors still contributes what was understood of it.
 */
public record ParseResult(PolicySet policies, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isBlockingError);
    }
}

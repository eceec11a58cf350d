package dev.stockade.compiler.effective;

import java.util.Optional;

/**
 * The answer for one queried path.
 *
 * @param access what the server may do there; empty when denied
 * @param decidedBy the longest rule path at or above the query, empty when no rule matches
 *     (the default deny)
 */
public record FsDecision(Access access, Optional<String> decidedBy) {
}

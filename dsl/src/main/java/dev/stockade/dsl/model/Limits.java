package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.Optional;

/** {@code limits { ... }}. */
public record Limits(Optional<DurationValue> timeout, Optional<Count> retries, Optional<Size> memory, Optional<Percent> cpu, Optional<Count> tasks, Optional<Count> openFiles, Span span) {
}

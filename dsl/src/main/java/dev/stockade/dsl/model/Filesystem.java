package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code filesystem { ... }}: grant and deny statements in source order, and the file size limit. */
public record Filesystem(List<FsStatement> statements, Optional<Size> maxFileSize, Span span) {
    public Filesystem {
        statements = List.copyOf(statements);
    }
}

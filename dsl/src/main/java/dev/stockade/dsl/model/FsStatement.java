package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;

/** {@code read|write|append|execute|deny P...}: one statement naming one or more paths. */
public record FsStatement(FsMode mode, List<PathValue> paths, Span span) {
    public FsStatement {
        paths = List.copyOf(paths);
    }
}

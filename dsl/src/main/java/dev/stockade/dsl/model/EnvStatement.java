package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;

/** {@code env NAME...}: variables passed through from the launcher's environment. */
public record EnvStatement(List<Name> names, Span span) {
    public EnvStatement {
        names = List.copyOf(names);
    }
}

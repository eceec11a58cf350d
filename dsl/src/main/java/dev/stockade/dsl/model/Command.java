package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;

/** {@code command "PROGRAM" "arg"...}: the program and its arguments. */
public record Command(PathValue program, List<Text> args, Span span) {
    public Command {
        args = List.copyOf(args);
    }
}

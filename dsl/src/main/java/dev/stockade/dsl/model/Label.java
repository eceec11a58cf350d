package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** {@code KEY = "VALUE"} inside {@code labels { }}; a key written as a name or a string. */
public record Label(Text key, Text value, Span span) {
}

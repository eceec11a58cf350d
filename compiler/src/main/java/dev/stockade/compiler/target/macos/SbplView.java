package dev.stockade.compiler.target.macos;

import java.util.List;

/**
 * What the profile template lays out: comment lines (already comment text) and complete SBPL
 * forms, every string in them written by {@link dev.stockade.compiler.target.escape.SbplEscape}.
 * The sections come in evaluation order; SBPL lets a later matching rule override an earlier one.
 */
public record SbplView(List<String> header, String label, List<Section> sections) {

    /** One group of rules with the comment that says why they are there. */
    public record Section(List<String> comment, List<String> rules) {
    }
}

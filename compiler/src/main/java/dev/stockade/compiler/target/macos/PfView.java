package dev.stockade.compiler.target.macos;

import java.util.List;

/**
 * What the pf anchor template lays out: comment lines and complete pf rules (the user name quoted
 * by {@link dev.stockade.compiler.target.escape.PfEscape}, addresses and ports computed).
 *
 * @param anchor the anchor path, {@code stockade/<server>}
 * @param file the anchor file's path relative to the install prefix
 */
public record PfView(List<String> header, String label, String anchor, String file, String user, List<String> rules) {
}

package dev.stockade.compiler.target.escape;

/**
 * Text in iptables and nft rules: only comments carry user text (server names, which the parser
 * restricts to {@code [a-z0-9-]}); anything else is replaced, and the length capped at the 255
 * bytes a netfilter comment holds.
 */
public final class NetfilterEscape {

    private static final int MAX = 255;

    private NetfilterEscape() {
    }

    /** The body of a comment, to be written inside double quotes. */
    public static String comment(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(isSafe(c) ? (char) c : '_'));
        return out.length() > MAX ? out.substring(0, MAX) : out.toString();
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || " ._:/-=+,".indexOf(c) >= 0;
    }
}

package dev.stockade.compiler.target.escape;

/**
 * Text in iptables and nft rules. Only comments (server names, which the parser restricts to
 * {@code [a-z0-9-]}) and bare names (users, nft tables) carry user text: in a comment anything else
 * is replaced and the length capped at the 255 bytes a netfilter comment holds; a bare name is
 * checked, never altered.
 */
public final class NetfilterEscape {

    private static final int MAX = 255;

    private NetfilterEscape() {
    }

    /** The body of a comment, to be written inside double quotes. */
    public static String comment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isSafe(c) ? c : '_');
        }
        return out.length() > MAX ? out.substring(0, MAX) : out.toString();
    }

    /**
     * A name written bare in a rule: a user name ({@code --uid-owner}, {@code meta skuid}) or an nft
     * table name. Names reach here already restricted by the parser to {@code [a-z][a-z0-9-]*};
     * this checks the narrower of the two tools' word grammars again (a letter, then letters,
     * digits, {@code - _ .}; at most 255 characters) and refuses anything else, since a changed
     * name would be a different rule.
     */
    public static String word(String name) {
        if (name.isEmpty() || name.length() > MAX || !Character.isLetter(name.charAt(0)) || !isWord(name)) {
            throw new IllegalArgumentException("not a name netfilter can take bare: " + comment(name));
        }
        return name;
    }

    private static boolean isWord(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || " ._:/-=+,".indexOf(c) >= 0;
    }
}

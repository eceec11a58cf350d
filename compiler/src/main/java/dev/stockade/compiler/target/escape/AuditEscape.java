package dev.stockade.compiler.target.escape;

/**
 * Values in auditctl rules files ({@code auditctl -R}): a line is split on blanks and there is no
 * quoting or escape of any kind (auditctl 3.0.9 reads {@code -F "dir=/a b"} as the field
 * {@code "dir}), so a value that holds whitespace cannot be written at all. The rules hold only
 * a user name and a key, both identifiers of the language; {@link #value} throws for anything
 * else rather than write a broken rule.
 */
public final class AuditEscape {

    private AuditEscape() {
    }

    public static boolean expressible(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The value as a rules file holds it; throws for a value {@link #expressible} rejects. */
    public static String value(String value) {
        if (!expressible(value)) {
            throw new IllegalArgumentException("auditctl rules cannot hold whitespace: " + value);
        }
        return value;
    }
}

package dev.stockade.dsl.internal;

import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.source.Span;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks names against their pattern and length ({@code name-syntax}). */
final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {
    }

    /** Always returns the name as written, so nothing is lost; reports what is wrong with it. */
    static Name check(NameKind kind, String value, Span span, Sink sink) {
        String problem = problem(kind, value);
        if (problem != null) {
            sink.error("name-syntax", span, problem, hint(kind, value));
        }
        return new Name(value, span);
    }

    private static String problem(NameKind kind, String value) {
        if (kind == NameKind.ENV) {
            return ENV.matcher(value).matches() ? null
                    : kind.what + " " + Quote.of(value) + " must match [A-Za-z_][A-Za-z0-9_]*";
        }
        boolean rootId = value.equals("0") && (kind == NameKind.USER || kind == NameKind.GROUP);
        if (rootId) {
            return null; // user 0 and group 0 are root: the user-root rule reports them
        }
        if (!NAME.matcher(value).matches()) {
            return value.isEmpty() ? kind.what + " is empty"
                    : Character.isDigit(value.charAt(0)) && value.chars().allMatch(Character::isDigit)
                    ? "a number stands where a " + kind.what + " is required"
                    : kind.what + " " + Quote.of(value) + " must match [a-z][a-z0-9-]*";
        }
        if (value.length() > kind.maxLength) {
            return kind.what + " " + Quote.of(value) + " is longer than " + kind.maxLength + " characters";
        }
        if (kind.dnsLabel && value.endsWith("-")) {
            return kind.what + " " + Quote.of(value) + " ends with -";
        }
        return null;
    }

    private static String hint(NameKind kind, String value) {
        if (kind == NameKind.ENV) {
            return "use letters, digits and _, not starting with a digit, e.g. " + suggestEnv(value);
        }
        String suggestion = suggest(value, kind.maxLength);
        String pattern = "start with a lower-case letter, then lower-case letters, digits and -";
        return suggestion.isEmpty() ? pattern : pattern + ", e.g. " + suggestion;
    }

    /** A valid name close to {@code value}: lower-cased, other characters turned into -, trimmed. */
    static String suggest(String value, int maxLength) {
        String lower = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^[^a-z]+", "");
        if (lower.length() > maxLength) {
            lower = lower.substring(0, maxLength);
        }
        return lower.replaceAll("-+$", "");
    }

    private static String suggestEnv(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9_]", "_");
        return cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
    }
}

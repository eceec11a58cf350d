package dev.stockade.compiler.check.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises strings that look like credentials. Each pattern names what it found, never the
 * value: a diagnostic must not copy a secret into build logs.
 */
public final class CredentialPatterns {

    /**
     * One shape. Every match contains one of the {@code clues} (literal text the pattern starts
     * with or cannot do without), so a text holding none of them is not searched: almost every
     * string of a policy is a path, and a regular expression search costs far more than a look-up.
     */
    private record Kind(String what, Pattern pattern, List<String> clues) {

        boolean foundIn(String text) {
            for (String clue : clues) {
                if (text.contains(clue)) {
                    return pattern.matcher(text).find();
                }
            }
            return false;
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("a URL with a password", Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@"),
                    List.of("://")),
            new Kind("a private key", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"),
                    List.of("-----BEGIN ")),
            new Kind("an AWS access key id", Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"),
                    List.of("AKIA", "ASIA")),
            new Kind("a GitHub token", Pattern.compile("(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})"),
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
            new Kind("a Slack token", Pattern.compile("(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}"), List.of("xox")),
            new Kind("an API key", Pattern.compile("(?<![A-Za-z0-9])sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}"), List.of("sk-")),
            new Kind("a JSON web token", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
                    List.of("eyJ")));

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9+/=_.-]{32,}");
    private static final double MIN_ENTROPY_BITS = 4.2;

    private CredentialPatterns() {
    }

    /** What kind of credential the text holds, by its well-known shape. */
    public static Optional<String> knownShape(String text) {
        for (Kind kind : KINDS) {
            if (kind.foundIn(text)) {
                return Optional.of(kind.what());
            }
        }
        return Optional.empty();
    }

    /**
     * True when the text holds a long random-looking word: 32+ characters of a token alphabet,
     * letters and digits mixed, and more than 4.2 bits of entropy per character (hex digests and
     * ordinary words stay below it). Paths are never flagged.
     */
    public static boolean highEntropy(String text) {
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            if (word.startsWith("/") || word.contains("/") && !word.contains("+")) {
                continue;
            }
            boolean mixed = word.chars().anyMatch(Character::isDigit) && word.chars().anyMatch(Character::isLetter);
            if (mixed && entropy(word) > MIN_ENTROPY_BITS) {
                return true;
            }
        }
        return false;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String word) {
        int[] counts = new int[128];
        word.chars().filter(c -> c < 128).forEach(c -> counts[c]++);
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / word.length();
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits;
    }
}

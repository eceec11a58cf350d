package dev.stockade.dsl.internal;

import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.source.Span;
import java.util.ArrayDeque;
import java.util.Deque;

/** Checks that a path is absolute and normalized ({@code path-syntax}), and drops a trailing slash. */
public final class Paths {

    private static final String GLOB = "*?[]{}";

    private Paths() {
    }

    /** Always returns a value (as written when it is invalid), so nothing the user wrote is lost. */
    static PathValue check(String value, Span span, Sink sink) {
        String problem = problem(value);
        if (problem != null) {
            sink.error("path-syntax", span, problem, hint(value));
            return new PathValue(value, span);
        }
        String normalized = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return new PathValue(normalized, span);
    }

    /** The message for what is wrong with {@code value}, or null when it is a valid path. */
    public static String problem(String value) {
        int control = Strings.firstControl(value);
        if (control >= 0) {
            return "path " + Quote.of(value) + " holds the control character " + Quote.codePoint(control);
        }
        if (value.isEmpty()) {
            return "path is empty";
        }
        if (value.startsWith("~")) {
            return "path " + Quote.of(value) + " starts with ~, which is not expanded";
        }
        if (!value.startsWith("/")) {
            return "path " + Quote.of(value) + " is relative";
        }
        for (int g = 0; g < GLOB.length(); g++) {
            if (value.indexOf(GLOB.charAt(g)) >= 0) {
                return "path " + Quote.of(value) + " holds the glob character " + Quote.of(String.valueOf(GLOB.charAt(g)));
            }
        }
        // The segments between the leading / and one trailing /, read in place: paths are checked by the hundred thousand.
        int end = value.length() > 1 && value.endsWith("/") ? value.length() - 1 : value.length();
        if (end <= 1) {
            return null;
        }
        for (int start = 1; ; ) {
            int slash = value.indexOf('/', start);
            int stop = slash < 0 || slash >= end ? end : slash;
            String problem = segmentProblem(value, start, stop);
            if (problem != null || stop == end) {
                return problem;
            }
            start = stop + 1;
        }
    }

    /** What is wrong with the segment of {@code value} from {@code start} to {@code stop}, or null. */
    private static String segmentProblem(String value, int start, int stop) {
        int length = stop - start;
        if (length == 0) {
            return "path " + Quote.of(value) + " has an empty segment (//)";
        }
        boolean dots = length <= 2 && value.startsWith(length == 1 ? "." : "..", start);
        if (dots) {
            return "path " + Quote.of(value) + " has a " + Quote.of(value.substring(start, stop)) + " segment";
        }
        return null;
    }

    private static String hint(String value) {
        if (Strings.firstControl(value) >= 0) {
            return "remove the control character; paths reach shell scripts, unit files and rules verbatim";
        }
        if (value.startsWith("~")) {
            return "write the home directory out in full, e.g. \"/home/USER" + value.substring(1) + "\"";
        }
        if (!value.startsWith("/")) {
            return "write an absolute path, e.g. \"/" + value + "\"";
        }
        if (GLOB.chars().anyMatch(c -> value.indexOf(c) >= 0)) {
            return "list the paths explicitly; globs are not supported";
        }
        return "write the normalized path " + Quote.of(normalize(value));
    }

    /** Resolves empty, {@code .} and {@code ..} segments lexically; {@code ..} above the root stays at the root. */
    static String normalize(String absolute) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : absolute.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }
}

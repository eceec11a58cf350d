package dev.stockade.dsl.print;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one statement or block, indented two spaces per level. A block is built by its
 * header, its body's lines indented once more, and a closing brace.
 */
final class Lines {

    private static final String INDENT = "  ";

    private final List<String> lines = new ArrayList<>();

    static Lines of(String line) {
        return new Lines().add(line);
    }

    /**
     * {@code header { ... }} with the body indented; an empty body prints as {@code header {}}, which
     * reads back as the same empty block.
     */
    static Lines block(String header, List<String> body) {
        Lines block = new Lines();
        if (body.isEmpty()) {
            return block.add(header + " {}");
        }
        block.add(header + " {");
        body.forEach(line -> block.add(line.isEmpty() ? "" : INDENT + line));
        return block.add("}");
    }

    Lines add(String line) {
        lines.add(line);
        return this;
    }

    boolean spansLines() {
        return lines.size() > 1;
    }

    List<String> lines() {
        return lines;
    }

    /**
     * The statements one per line, with a blank line around each one that spans several lines, so
     * that blocks stand apart and runs of one-line statements stay together.
     */
    static List<String> separated(List<Lines> statements) {
        List<String> out = new ArrayList<>();
        Lines previous = null;
        for (Lines statement : statements) {
            if (previous != null && (previous.spansLines() || statement.spansLines())) {
                out.add("");
            }
            out.addAll(statement.lines);
            previous = statement;
        }
        return out;
    }
}

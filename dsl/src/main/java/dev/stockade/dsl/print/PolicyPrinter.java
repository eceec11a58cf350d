package dev.stockade.dsl.print;

import dev.stockade.dsl.model.PolicyFile;
import dev.stockade.dsl.model.PolicySet;
import dev.stockade.dsl.model.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the model back as {@code .stockade} text in one canonical layout: {@code stockade N} first
 * when the file declared a version, one statement per line, two-space indentation, a blank line
 * between servers and around multi-line blocks, statements in a fixed order (description, command,
 * runtime, user, group, workdir, filesystem, network, secrets, limits, audit, kubernetes, compose,
 * systemd, macos, accept), {@code \n} line endings and a final newline.
 *
 * <p>Parsing the output gives a model equal to the input (spans aside), and printing that model
 * again gives the same text. Comments, separators and the spelling of literals are not part of the
 * model, so they are not kept: quoted IPv4 addresses print bare, IPv6 addresses in RFC 5952 form,
 * sizes and durations without leading zeros.
 *
 * <p>The input is expected to be a model that parsed without errors; names are printed as they
 * are, so a model built by hand with a name the language cannot spell prints text that does not
 * parse.
 */
public final class PolicyPrinter {

    private PolicyPrinter() {
    }

    /** The canonical text of one file; an empty file prints as the empty string. */
    public static String print(PolicyFile file) {
        List<String> lines = new ArrayList<>();
        file.version().ifPresent(version -> lines.add("stockade " + version.number()));
        for (Server server : file.servers()) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(ServerPrinter.print(server).lines());
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /**
     * The canonical text of every file, keyed by each file's path in the set's order.
     *
     * @throws IllegalArgumentException when two files have the same path
     */
    public static Map<String, String> print(PolicySet policies) {
        Map<String, String> printed = new LinkedHashMap<>();
        for (PolicyFile file : policies.files()) {
            if (printed.putIfAbsent(file.path(), print(file)) != null) {
                throw new IllegalArgumentException("two policy files have the path " + file.path());
            }
        }
        return printed;
    }
}

package dev.stockade.compiler.target.macos;

import dev.stockade.compiler.target.escape.SbplEscape;
import java.util.List;

/** Builds SBPL forms; every user string goes through {@link SbplEscape#string}. */
final class Sbpl {

    private Sbpl() {
    }

    /** {@code (VERB OPERATION FILTER...)}: one filter on one line, several one per line (any of them matches). */
    static String rule(String verb, String operation, List<String> filters) {
        if (filters.isEmpty()) {
            return "(" + verb + " " + operation + ")";
        }
        if (filters.size() == 1) {
            return "(" + verb + " " + operation + " " + filters.get(0) + ")";
        }
        return "(" + verb + " " + operation + "\n  " + String.join("\n  ", filters) + ")";
    }

    static String rule(String verb, String operation, String filter) {
        return rule(verb, operation, List.of(filter));
    }

    static String subpath(String path) {
        return "(subpath " + SbplEscape.string(path) + ")";
    }

    static String literal(String path) {
        return "(literal " + SbplEscape.string(path) + ")";
    }

    static String globalName(String service) {
        return "(global-name " + SbplEscape.string(service) + ")";
    }

    /** {@code (remote tcp "*:443")}: HOST is {@code *} or {@code localhost}, PORT a number or {@code *}. */
    static String remote(String protocol, String host, String port) {
        return "(remote " + protocol + " " + SbplEscape.string(host + ":" + port) + ")";
    }
}

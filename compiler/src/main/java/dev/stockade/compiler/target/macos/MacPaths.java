package dev.stockade.compiler.target.macos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Paths as the macOS sandbox sees them. The sandbox matches the resolved path of a file, and on a
 * Mac {@code /etc}, {@code /tmp} and {@code /var} are symbolic links into {@code /private}: a rule
 * for {@code /var/log/x} would never match, so policy paths there are written as {@code /private/...}.
 */
final class MacPaths {

    static final List<String> PRIVATE_LINKS = List.of("/etc", "/tmp", "/var");
    private static final String PRIVATE = "/private";

    private MacPaths() {
    }

    static String resolved(String path) {
        for (String link : PRIVATE_LINKS) {
            if (atOrUnder(path, link)) {
                return PRIVATE + path;
            }
        }
        return path;
    }

    /**
     * Every proper ancestor of each path, {@code /} included, sorted; with the links into /private
     * used. The paths are taken in order, so those under one directory come together, and a
     * directory the previous path already went through is not added again.
     */
    static Set<String> ancestors(Collection<String> paths) {
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(null);
        Set<String> out = new TreeSet<>();
        out.add("/");
        String previous = "";
        for (String path : sorted) {
            int shared = 0;
            while (shared < previous.length() && shared < path.length() && previous.charAt(shared) == path.charAt(shared)) {
                shared++;
            }
            // path's ancestor ending before `slash` is previous's too exactly when they agree past it.
            for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                if (slash >= shared) {
                    out.add(path.substring(0, slash));
                }
            }
            if (path.startsWith(PRIVATE + "/")) {
                String linked = path.substring(PRIVATE.length());
                for (String link : PRIVATE_LINKS) {
                    if (atOrUnder(linked, link)) {
                        out.add(link);
                    }
                }
            }
            previous = path;
        }
        return out;
    }

    /** Whether {@code path} is {@code dir} or inside it, by whole segments. */
    private static boolean atOrUnder(String path, String dir) {
        return path.startsWith(dir) && (path.length() == dir.length() || path.charAt(dir.length()) == '/');
    }
}

package dev.stockade.it.boundary;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One MCP tool call of the suite: an attack (must be stopped inside the sandbox, by the layer
 * named in {@code expected}) or legitimate work (must succeed). {@code leaked} tells from the reply
 * whether the call got what it was after. Without the sandbox every call must get it, so the suite
 * can fail.
 */
record Attack(String id, String what, String server, String tool, Map<String, String> args, Layer expected,
        Predicate<Mcp.Reply> leaked) {

    /** What stopped a call (or did not). */
    enum Layer {
        NOT_MOUNTED("bwrap mount namespace: path not mounted (ENOENT)"),
        READ_ONLY("bwrap mount namespace: read-only mount (EROFS)"),
        DEV_NULL("bwrap: /dev/null mounted over the denied file, on a nodev mount (EACCES)"),
        ENV_CLEANED("launcher: environment cleaned (only declared secrets pass)"),
        OWN_PASSWD("bwrap: host account database not mounted (own entry only)"),
        LISTING("bwrap mount namespace: only granted paths and the runtime exist"),
        NETFILTER("netfilter: rejected as admin-prohibited (EHOSTUNREACH / EACCES / EPERM)"),
        APPEND_ONLY("append-only attribute from the generated tmpfiles (EPERM)"),
        SERVER_CHECK("the server's own check (must never be what stops an attack)"),
        NONE_SUCCEEDED("none: the call succeeded"),
        NONE_FAILED("none: the call failed for another reason");

        final String text;

        Layer(String text) {
            this.text = text;
        }
    }

    boolean legitimate() {
        return expected == Layer.NONE_SUCCEEDED;
    }

    /** What the reply shows: the errno a refused call got, or what a completed one revealed. */
    String observed(Mcp.Reply reply) {
        if (reply.isError()) {
            return "error " + code(reply);
        }
        if (leaked.test(reply)) {
            // An attack's loot is never printed: only that it got it.
            return legitimate() ? "ok: " + abbreviate(reply.text().strip().replace("\n", ", "))
                    : "SUCCEEDED (" + reply.text().length() + "-char reply)";
        }
        return "ok, but the reply holds none of it (" + reply.text().length() + " chars)";
    }

    /** Which layer the reply shows stopped the call. */
    Layer layer(Mcp.Reply reply) {
        String code = code(reply);
        if (reply.text().contains("Access denied") || reply.text().contains("outside allowed directories")) {
            return Layer.SERVER_CHECK;
        }
        if (!reply.isError()) {
            return leaked.test(reply) ? Layer.NONE_SUCCEEDED : expected;
        }
        // The filesystem server words an ENOENT met while resolving a symlink as a missing parent.
        if (code.equals("ENOENT") || reply.text().startsWith("Parent directory does not exist")) {
            return Layer.NOT_MOUNTED;
        }
        if (code.equals("EACCES") && !Set.of("fetch", "dns_query").contains(tool)) {
            return Layer.DEV_NULL;
        }
        if (code.equals("EROFS")) {
            return Layer.READ_ONLY;
        }
        if (Set.of("EHOSTUNREACH", "EACCES", "EPERM").contains(code) && Set.of("fetch", "dns_query").contains(tool)) {
            return Layer.NETFILTER;
        }
        if (code.equals("EPERM") && tool.equals("overwrite_file")) {
            return Layer.APPEND_ONLY;
        }
        return Layer.NONE_FAILED;
    }

    private static String code(Mcp.Reply reply) {
        String text = reply.text().strip();
        int colon = text.indexOf(':');
        String head = colon > 0 ? text.substring(0, colon) : text;
        return head.matches("E[A-Z]+") ? head : abbreviate(text);
    }

    private static String abbreviate(String text) {
        String line = text.replace('|', '/').replace('\n', ' ');
        return line.length() > 70 ? line.substring(0, 67) + "..." : line;
    }
}

package dev.stockade.it.boundary;

import static dev.stockade.it.boundary.Attack.Layer.APPEND_ONLY;
import static dev.stockade.it.boundary.Attack.Layer.DEV_NULL;
import static dev.stockade.it.boundary.Attack.Layer.ENV_CLEANED;
import static dev.stockade.it.boundary.Attack.Layer.LISTING;
import static dev.stockade.it.boundary.Attack.Layer.NETFILTER;
import static dev.stockade.it.boundary.Attack.Layer.NONE_SUCCEEDED;
import static dev.stockade.it.boundary.Attack.Layer.NOT_MOUNTED;
import static dev.stockade.it.boundary.Attack.Layer.OWN_PASSWD;
import static dev.stockade.it.boundary.Attack.Layer.READ_ONLY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The attack suite of issue 7 and the legitimate work, as MCP tool calls against a {@link World}. */
final class Suite {

    static final String FS = "fs";
    static final String NET = "net";
    /** Set in the launcher's environment and not declared by the policy. */
    static final String UNDECLARED = "STK_UNDECLARED=" + World.SECRET + "env";
    /** What / may show inside the sandbox: the runtime, the private /proc, /dev, /tmp. */
    static final Set<String> RUNTIME_TOP = Set.of("bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc",
            "proc", "dev", "tmp");

    private Suite() {
    }

    static List<Attack> all(World w) {
        String a = w.root + "/workspace/project-a";
        Predicate<Mcp.Reply> secret = ok(r -> r.text().contains(World.SECRET));
        Predicate<Mcp.Reply> wrote = r -> !r.isError();
        Predicate<Mcp.Reply> http = ok(r -> r.text().contains("STK-HTTP"));
        List<Attack> out = new ArrayList<>();
        // Reads outside the grants.
        out.add(read("etc-passwd", "read /etc/passwd (the host's accounts)", "/etc/passwd", OWN_PASSWD,
                ok(r -> r.text().contains("root:x:0:0:"))));
        // The client replaces what a read of /etc/shadow returns by its length: the host's hashes never reach a file.
        out.add(new Attack("etc-shadow", "read /etc/shadow", FS, "read_text_file",
                Map.of("path", "/etc/shadow", "redact", "root:"), NOT_MOUNTED, ok(r -> r.text().contains("contains root:"))));
        out.add(read("self-environ", "read /proc/self/environ (undeclared variable)", "/proc/self/environ",
                ENV_CLEANED, ok(r -> r.text().contains(UNDECLARED))));
        out.add(read("pid1-environ", "read /proc/1/environ (undeclared variable)", "/proc/1/environ", ENV_CLEANED,
                ok(r -> r.text().contains(UNDECLARED))));
        out.add(read("ssh-key", "read ~/.ssh/id_rsa of the launcher's caller", w.root + "/home/root/.ssh/id_rsa",
                NOT_MOUNTED, secret));
        out.add(read("dotenv", "read project-a/src/.env (denied)", a + "/src/.env", DEV_NULL, secret));
        out.add(read("secrets-dir", "read project-a/src/secrets/deploy.pem (denied)", a + "/src/secrets/deploy.pem",
                NOT_MOUNTED, secret));
        out.add(read("project-b", "read project-b/notes.txt (not granted)", w.root + "/workspace/project-b/notes.txt",
                NOT_MOUNTED, secret));
        out.add(new Attack("docker-sock", "HTTP over a planted docker.sock outside the grants", NET, "fetch",
                Map.of("url", "http://localhost/version", "socketPath", w.root + "/run/docker.sock"), NOT_MOUNTED, http));
        out.add(read("traversal", "../ traversal out of output/ into project-b",
                a + "/output/../../project-b/notes.txt", NOT_MOUNTED, secret));
        out.add(read("symlink", "symlink planted in output/ to a secret outside the grants", a + "/output/innocent.txt",
                NOT_MOUNTED, secret));
        // Writes.
        out.add(new Attack("write-src", "write into project-a/src (read-only)", FS, "write_file",
                Map.of("path", a + "/src/injected.js", "content", "evil()"), READ_ONLY, wrote));
        out.add(new Attack("write-workdir", "write into the server's workdir", FS, "write_file",
                Map.of("path", w.root + "/opt/mcp/injected.js", "content", "evil()"), READ_ONLY, wrote));
        out.add(new Attack("log-overwrite", "overwrite the appended log's earlier content", NET, "overwrite_file",
                Map.of("path", a + "/logs/server.log", "content", "erased\n"), APPEND_ONLY, wrote));
        // Listings.
        out.add(new Attack("list-root", "list / (only the runtime may show)", FS, "list_directory", Map.of("path", "/"),
                LISTING, ok(r -> entries(r).stream().anyMatch(e -> !RUNTIME_TOP.contains(e)))));
        out.add(new Attack("list-workspace", "list the workspace (project-b must not show)", FS, "list_directory",
                Map.of("path", w.root + "/workspace"), LISTING, ok(r -> entries(r).contains("project-b"))));
        // Network.
        out.add(fetch("carve-out", "fetch the denied carve-out host", Net.CARVE_OUT, Net.PORT, NETFILTER, http));
        out.add(fetch("second-host", "fetch a host no allow names", Net.SECOND, Net.PORT, NETFILTER, http));
        out.add(fetch("other-port", "fetch the allowed host on another port", Net.ALLOWED, Net.OTHER_PORT, NETFILTER,
                http));
        out.add(fetch("ipv6", "fetch an IPv6 documentation address", "[" + Net.IPV6 + "]", Net.PORT, NETFILTER, http));
        out.add(new Attack("other-resolver", "DNS query to a resolver other than the declared one", NET, "dns_query",
                Map.of("resolver", Net.OTHER_RESOLVER, "name", "example.org"), NETFILTER,
                ok(r -> r.text().startsWith("answer"))));
        // Legitimate work.
        out.add(legit("list-src", "list the granted sources", FS, "list_directory", Map.of("path", a + "/src"),
                "main.js"));
        out.add(legit("read-src", "read a granted source file", FS, "read_text_file", Map.of("path", a + "/src/main.js"),
                "STK-SOURCE main.js"));
        out.add(legit("read-tests", "read a granted test file", FS, "read_text_file",
                Map.of("path", a + "/tests/main.test.js"), "STK-SOURCE main.test.js"));
        out.add(legit("write-output", "write a file in output/", FS, "write_file",
                Map.of("path", a + "/output/result.txt", "content", "STK-RESULT built\n"), "Successfully wrote"));
        out.add(legit("read-output", "read it back", FS, "read_text_file", Map.of("path", a + "/output/result.txt"),
                "STK-RESULT built"));
        out.add(legit("append-log", "append to the log", NET, "append_file",
                Map.of("path", a + "/logs/server.log", "content", "line 2: appended\n"), "appended"));
        out.add(legit("fetch-allowed", "fetch the allowed host and port", NET, "fetch",
                Map.of("url", "http://" + Net.ALLOWED + ":" + Net.PORT + "/"), "STK-HTTP " + Net.ALLOWED));
        out.add(legit("dns-declared", "DNS query to the declared resolver", NET, "dns_query",
                Map.of("resolver", Net.RESOLVER, "name", "example.org"), "answer 192.0.2.99"));
        return out;
    }

    private static Attack read(String id, String what, String path, Attack.Layer layer, Predicate<Mcp.Reply> leaked) {
        return new Attack(id, what, FS, "read_text_file", Map.of("path", path), layer, leaked);
    }

    private static Attack fetch(String id, String what, String host, int port, Attack.Layer layer,
            Predicate<Mcp.Reply> leaked) {
        return new Attack(id, what, NET, "fetch", Map.of("url", "http://" + host + ":" + port + "/"), layer, leaked);
    }

    private static Attack legit(String id, String what, String server, String tool, Map<String, String> args,
            String expect) {
        return new Attack(id, what, server, tool, args, NONE_SUCCEEDED, ok(r -> r.text().contains(expect)));
    }

    private static Predicate<Mcp.Reply> ok(Predicate<Mcp.Reply> content) {
        return r -> !r.isError() && content.test(r);
    }

    /** The names in a list_directory reply ({@code [DIR] name} / {@code [FILE] name}). */
    static List<String> entries(Mcp.Reply reply) {
        return reply.text().lines().map(l -> l.replaceFirst("^\\[[A-Z]+\\] ", "").strip()).filter(l -> !l.isEmpty())
                .toList();
    }
}

package dev.stockade.compiler.target.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * systemd cannot run in this container, so the runtime each unit declares is started under the
 * same kernel mechanisms, read from the generated unit: the syscall filter (groups expanded by
 * systemd-analyze, EPERM for the rest), RestrictAddressFamilies=, MemoryDenyWriteExecute=,
 * no_new_privs, no capabilities, an unprivileged uid, /proc with hidepid=invisible (and subset=pid
 * for ProcSubset=pid), and a private network namespace for PrivateNetwork=yes. Every namespace is
 * created by unshare for the one process and dies with it.
 */
class RuntimeStartsTest {

    private static final Path HELPER = Path.of("src/test/resources/systemd/seccomp-exec.py").toAbsolutePath();
    private static final List<String> NODE = List.of("/usr/bin/node", "-e",
            "if (require('os').cpus().length < 1) process.exit(3); require('net'); process.exit(0)");
    private static final List<String> PYTHON = List.of("/usr/bin/python3", "-c", "import json, socket, ssl, sqlite3");

    @Test
    void nodeStartsUnderItsUnitWithoutNetwork() {
        assertStarts(unit(Golden.CASES.resolve("deny-inside-grant.stockade"), "carve"), NODE, Optional.empty());
    }

    @Test
    void nodeStartsUnderItsUnitWithNetworkGrants() {
        assertStarts(unit(Golden.EXAMPLES.resolve("github-server.stockade"), "mcp-github"), NODE, Optional.empty());
    }

    @Test
    void pythonStartsUnderItsUnitWithoutNetwork() {
        assertStarts(unit(Golden.CASES.resolve("network-none.stockade"), "offline"), PYTHON, Optional.empty());
    }

    @Test
    void pythonStartsUnderItsUnitWithNetworkGrants() {
        assertStarts(unit(Golden.EXAMPLES.resolve("postgres-server.stockade"), "mcp-postgres-reports"), PYTHON, Optional.empty());
    }

    /** The harness bites: V8's JIT dies under MemoryDenyWriteExecute=yes, which is why node's unit omits it. */
    @Test
    void nodeDiesWhenWritableExecutableMemoryIsDenied() {
        Tool.Result run = start(unit(Golden.CASES.resolve("deny-inside-grant.stockade"), "carve"), NODE,
                Optional.of("yes"));
        assertThat(run.exit()).as("node under MemoryDenyWriteExecute=yes").isNotZero();
    }

    private static void assertStarts(String unit, List<String> runtime, Optional<String> mdwe) {
        Tool.Result run = start(unit, runtime, mdwe);
        assertThat(run.exit()).as("%s under its unit's settings:%n%s%s", runtime.get(0), run.out(), run.err()).isZero();
    }

    private static Tool.Result start(String unit, List<String> runtime, Optional<String> mdweOverride) {
        List<String> allow = new ArrayList<>();
        List<String> deny = new ArrayList<>();
        for (String filter : values(unit, "SystemCallFilter")) {
            (filter.startsWith("~") ? deny : allow).add(filter.replaceFirst("^~", ""));
        }
        assertThat(values(unit, "SystemCallErrorNumber")).containsExactly("EPERM");
        assertThat(values(unit, "NoNewPrivileges")).containsExactly("yes");
        String mdwe = mdweOverride.orElse(values(unit, "MemoryDenyWriteExecute").get(0));
        boolean subset = values(unit, "ProcSubset").contains("pid");
        boolean privateNetwork = values(unit, "PrivateNetwork").contains("yes");
        List<String> command = new ArrayList<>(List.of("timeout", "-k", "5", "60", "unshare", "--mount", "--pid", "--fork",
                "--propagation", "private"));
        if (privateNetwork) {
            command.add("--net");
        }
        command.addAll(List.of("/bin/sh", "-c", "mount -t proc -o \"$1\" proc /proc && shift && exec \"$@\"", "sh",
                subset ? "subset=pid,hidepid=invisible" : "hidepid=invisible",
                "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                "/usr/bin/python3", "-c", helperSource(), String.join(" ", allow), String.join(" ", deny),
                values(unit, "RestrictAddressFamilies").get(0), mdwe, "--"));
        command.addAll(runtime);
        return Tool.run(command, Path.of("/"), Map.of(), Duration.ofSeconds(90));
    }

    /**
     * The helper's source, passed with -c: it runs as an unprivileged uid, which may not be able to
     * traverse the checkout (under /root, say) to open the file itself.
     */
    private static String helperSource() {
        try {
            return java.nio.file.Files.readString(HELPER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> values(String unit, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(unit);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String unit(Path policy, String server) {
        return Golden.compile(policy, SystemdTarget.NAME).artifacts().stream()
                .filter(a -> a.path().equals("systemd/" + server + ".service")).map(Artifact::content)
                .findFirst().orElseThrow(() -> new AssertionError("no unit for " + server));
    }
}

package dev.stockade.it.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Tool;
import dev.stockade.compiler.target.bubblewrap.Tap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: real MCP servers from npm under Stockade's generated sandbox (bubblewrap launcher,
 * netfilter rules, sysusers and tmpfiles), attacked through a real MCP client; the same calls
 * against the same servers without the sandbox must succeed, so this test can fail. See
 * docs/isolation-results.md.
 */
class BoundaryIT {

    private static final Path NPM = Path.of(System.getProperty("stockade.npm", "target/npm")).toAbsolutePath();
    private static final Path RESULTS = Path.of(System.getProperty("stockade.results", "target/isolation-results.md"));
    private static final Duration PROBE = Duration.ofSeconds(180);

    @Test
    void theSandboxStopsEveryAttackAndLetsTheWorkThrough() throws IOException {
        long started = System.nanoTime();
        List<String> created = new ArrayList<>();
        try (World w = new World(NPM)) {
            created.addAll(List.of(w.fs, w.net, w.network.name, w.root.toString()));
            w.plantSymlink();
            String ruleset = w.network.ruleset();
            assertThat(ruleset).as("both servers' rules are loaded").contains("table inet stockade {",
                    "chain egress-" + w.fs + " {", "chain egress-" + w.net + " {",
                    ": jump egress-" + w.fs, ": jump egress-" + w.net);
            assertThat(ruleset).as("no rule opens the metadata range").doesNotContain("169.254");
            Path scratch = Files.createDirectories(w.path("client"));
            List<Attack> suite = Suite.all(w);

            Mcp.Session inside = Mcp.run(NPM, scratch, sandboxed(w), suite);
            String afterInside = Files.readString(w.path("workspace/project-a/logs/server.log"));
            boolean srcUntouched = Files.notExists(w.path("workspace/project-a/src/injected.js"));
            boolean workdirUntouched = Files.notExists(w.path("opt/mcp/injected.js"));
            String owner = Files.getOwner(w.path("workspace/project-a/output/result.txt")).getName();
            List<Probe> probes = probes(w);

            // Without Stockade: no launcher, no rules for root, no append-only attribute.
            World.run("chattr", "-a", w.path("workspace/project-a/logs/server.log").toString());
            Mcp.Session outside = Mcp.run(NPM, scratch, unsandboxed(w), suite);

            double seconds = (System.nanoTime() - started) / 1e9;
            List<String> notes = List.of(
                    "servers: @modelcontextprotocol/server-filesystem (allowed directory `/`) and the suite's fetch/log server (MCP SDK); client: MCP TypeScript SDK over stdio",
                    "sandboxed: generated bubblewrap launchers started as root in the suite's network namespace, dropped to the users created from the generated sysusers files; generated nft rules loaded there; generated tmpfiles applied",
                    "without the sandbox: the same servers started as root in the same namespace (the rules are keyed on the servers' users), in a pid namespace of their own so /proc/1 is the server, append-only attribute removed",
                    "generated probes: " + String.join("; ", probes.stream().map(Probe::summary).toList()),
                    "loaded ruleset: no rule mentions 169.254.0.0/16 (the metadata address is never connected to)",
                    String.format("suite time: %.1f s", seconds));
            String table = Table.render(suite, inside, outside, notes, w.root.toString());
            System.out.println(table);
            Table.write(RESULTS, table);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(inside.tools().get(Suite.FS)).as("filesystem server tools").contains("read_text_file",
                    "write_file", "list_directory");
            soft.assertThat(inside.tools().get(Suite.NET)).as("net server tools").contains("fetch", "dns_query");
            for (Attack attack : suite) {
                Mcp.Reply in = Table.reply(inside, attack);
                Mcp.Reply out = Table.reply(outside, attack);
                if (attack.legitimate()) {
                    soft.assertThat(attack.leaked().test(in)).as("sandboxed, %s: %s", attack.id(), in).isTrue();
                    soft.assertThat(attack.leaked().test(out)).as("unsandboxed, %s: %s", attack.id(), out).isTrue();
                } else {
                    soft.assertThat(attack.leaked().test(in)).as("sandboxed, %s leaked: %s", attack.id(), in).isFalse();
                    soft.assertThat(attack.layer(in)).as("sandboxed, %s stopped by: %s", attack.id(), in)
                            .isEqualTo(attack.expected());
                    soft.assertThat(attack.leaked().test(out)).as("unsandboxed, %s succeeds: %s", attack.id(), out)
                            .isTrue();
                }
            }
            soft.assertThat(Table.reply(inside, suite.get(0)).text().lines()).as("/etc/passwd in the sandbox")
                    .singleElement().asString().startsWith(w.fs + ":x:");
            soft.assertThat(srcUntouched).as("nothing written into src/").isTrue();
            soft.assertThat(workdirUntouched).as("nothing written into the workdir").isTrue();
            soft.assertThat(afterInside).as("the log keeps its earlier content and gets the append")
                    .isEqualTo("line 1: earlier content\nline 2: appended\n");
            soft.assertThat(owner).as("output written by the server's user").isEqualTo(w.fs);
            for (Probe probe : probes) {
                if (probe.sandboxed()) {
                    soft.assertThat(probe.tap().failures()).as("probe %s:%n%s", probe.summary(), probe.output()).isEmpty();
                    soft.assertThat(probe.exit()).as("probe %s", probe.summary()).isZero();
                } else {
                    soft.assertThat(probe.tap().failures()).as("probe %s:%n%s", probe.summary(), probe.output())
                            .isNotEmpty();
                    soft.assertThat(probe.exit()).as("probe %s", probe.summary()).isEqualTo(1);
                }
            }
            if (!soft.errorsCollected().isEmpty()) {
                System.out.println("client and servers' stderr, sandboxed:\n" + inside.stderr() + "\nunsandboxed:\n"
                        + outside.stderr());
            }
            soft.assertAll();
        } finally {
            if (!created.isEmpty()) {
                assertThat(Tool.run(PROBE, List.of("ip", "netns", "list")).out()).as("namespace removed")
                        .doesNotContain(created.get(2));
                for (String user : created.subList(0, 2)) {
                    assertThat(Tool.run(PROBE, List.of("getent", "passwd", user)).exit()).as("user %s removed", user)
                            .isNotZero();
                    assertThat(Tool.run(PROBE, List.of("getent", "group", user)).exit()).as("group %s removed", user)
                            .isNotZero();
                }
                assertThat(Path.of(created.get(3))).as("temporary root removed").doesNotExist();
                assertThat(Tool.run(PROBE, List.of("pgrep", "-f", created.get(3))).exit())
                        .as("no process of the suite left").isNotZero();
            }
        }
    }

    private static Map<String, String> env(World w) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", w.path("home/root").toString());
        env.put("USER", "root");
        String[] undeclared = Suite.UNDECLARED.split("=", 2);
        env.put(undeclared[0], undeclared[1]);
        return env;
    }

    private static Map<String, Mcp.Start> sandboxed(World w) {
        Map<String, Mcp.Start> servers = new LinkedHashMap<>();
        servers.put(Suite.FS, new Mcp.Start(w.network.in(List.of(w.launcher(w.fs).toString())), env(w)));
        servers.put(Suite.NET, new Mcp.Start(w.network.in(List.of(w.launcher(w.net).toString())), env(w)));
        return servers;
    }

    private static Map<String, Mcp.Start> unsandboxed(World w) {
        Map<String, Mcp.Start> servers = new LinkedHashMap<>();
        String fsScript = w.path("opt/mcp/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js").toString();
        servers.put(Suite.FS, new Mcp.Start(w.network.in(direct("/usr/bin/node", fsScript, "/")), env(w)));
        servers.put(Suite.NET, new Mcp.Start(w.network.in(direct("/usr/bin/node", w.path("opt/mcp/net-server.mjs")
                .toString())), env(w)));
        return servers;
    }

    private static List<String> direct(String... command) {
        List<String> out = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc", "--kill-child"));
        out.addAll(List.of(command));
        return out;
    }

    /** What the generated probe of one server said, run in or out of its sandbox. */
    record Probe(String server, boolean sandboxed, int exit, Tap tap, String output) {

        String summary() {
            return server + " " + (sandboxed ? "inside" : "outside") + ": exit " + exit + ", " + tap.passed().size()
                    + " passed, " + tap.failures().size() + " failed";
        }
    }

    private static List<Probe> probes(World w) {
        List<Probe> out = new ArrayList<>();
        for (boolean sandboxed : List.of(true, false)) {
            for (String server : List.of(w.fs, w.net)) {
                List<String> command = new ArrayList<>(List.of("env", "-i"));
                env(w).forEach((k, v) -> command.add(k + "=" + v));
                command.addAll(sandboxed ? List.of(w.launcher(server).toString(), "--probe", w.probe(server).toString())
                        : List.of("bash", w.probe(server).toString()));
                Tool.Result run = Tool.run(PROBE, w.network.in(command));
                out.add(new Probe(server, sandboxed, run.exit(), Tap.parse(run.out()), run.out() + run.err()));
            }
        }
        return out;
    }
}

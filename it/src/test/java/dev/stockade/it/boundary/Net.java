package dev.stockade.it.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's network: a fresh namespace (no route out of it), a veth pair with both ends inside
 * (this kernel has no dummy module) carrying documentation addresses, listeners on them (run as
 * root, so the rules do not apply to them), and the generated nft rules of both servers loaded
 * with the command their header documents. The metadata range is a {@code prohibit} route, so not
 * even the probe's sample of it makes a packet; the metadata grant is checked on the ruleset text.
 */
final class Net implements AutoCloseable {

    static final String ALLOWED = "192.0.2.10";
    static final String CARVE_OUT = "192.0.2.200";
    static final String SECOND = "203.0.113.7";
    static final String IPV6 = "2001:db8::7";
    static final String RESOLVER = "198.51.100.53";
    static final String OTHER_RESOLVER = "203.0.113.53";
    static final int PORT = 8080;
    static final int OTHER_PORT = 9090;

    private static final List<String> V4 = List.of(ALLOWED + "/24", CARVE_OUT + "/32", SECOND + "/24",
            RESOLVER + "/24", OTHER_RESOLVER + "/32");
    private static final List<String> V6 = List.of(IPV6 + "/64");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(?:tcp|udp)_(?:open|blocked) '[^']*' '([^']+)' '\\d+'$");

    final String name;
    private final World world;
    private boolean created;
    private Process listeners;

    Net(World world) {
        this.world = world;
        this.name = "stk-e2e-" + world.suffix;
        World.run("ip", "netns", "add", name);
        created = true;
        try {
            setUp();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void setUp() {
        ip("link", "set", "lo", "up");
        ip("link", "add", "stk0", "type", "veth", "peer", "name", "stk1");
        ip("link", "set", "stk0", "up");
        ip("link", "set", "stk1", "up");
        V4.forEach(a -> ip("addr", "add", a, "dev", "stk0"));
        V6.forEach(a -> ip("addr", "add", a, "dev", "stk0", "nodad"));
        ip("route", "add", "prohibit", "169.254.0.0/16");
        for (String address : probeSamples()) {
            ip("addr", "add", address, "dev", "stk0", "nodad");
        }
        for (String server : List.of(world.fs, world.net)) {
            String file = "netfilter/" + server + ".nft";
            World.run("ip", "netns", "exec", name, "nft", "-f", world.gen.resolve(file).toString());
        }
        startListeners();
    }

    /**
     * The hosts the generated probes sample (an allowed prefix's representative, an unlisted
     * address...), so that a probe outside the sandbox gets through to them: every one is a
     * documentation address, assigned here unless it already is. Not the metadata address.
     */
    private List<String> probeSamples() {
        Set<String> taken = new HashSet<>();
        V4.forEach(a -> taken.add(a.substring(0, a.indexOf('/'))));
        V6.forEach(a -> taken.add(a.substring(0, a.indexOf('/'))));
        Set<String> out = new LinkedHashSet<>();
        for (String server : List.of(world.fs, world.net)) {
            Matcher m = SAMPLE.matcher(world.artifact("probe/" + server + ".sh"));
            while (m.find()) {
                String host = m.group(1);
                if (!host.startsWith("169.254.") && !taken.contains(host)) {
                    out.add(host + (host.contains(":") ? "/128" : "/32"));
                }
            }
        }
        return List.copyOf(out);
    }

    private void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(args));
        World.run(command.toArray(String[]::new));
    }

    /** {@code ip netns exec NAME} before a command. */
    List<String> in(List<String> command) {
        List<String> out = new ArrayList<>(List.of("ip", "netns", "exec", name));
        out.addAll(command);
        return out;
    }

    String ruleset() {
        return World.run(in(List.of("nft", "list", "ruleset")).toArray(String[]::new)).out();
    }

    private void startListeners() {
        List<String> command = new ArrayList<>(List.of("timeout", "600", "/usr/bin/python3", "-I", "-c",
                World.resource("listeners.py"), "590", world.path("run/docker.sock").toString()));
        for (String host : List.of(ALLOWED, CARVE_OUT, SECOND, "[" + IPV6 + "]")) {
            command.add("tcp:" + host.replace("[", "").replace("]", "") + ":" + PORT);
        }
        command.add("tcp:" + ALLOWED + ":" + OTHER_PORT);
        command.add("udp:" + RESOLVER + ":53");
        command.add("udp:" + OTHER_RESOLVER + ":53");
        try {
            listeners = new ProcessBuilder(in(command)).redirectErrorStream(true).start();
            BufferedReader reader = new BufferedReader(new InputStreamReader(listeners.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);
            assertThat(line).as("listeners ready").isEqualTo("READY");
        } catch (TimeoutException e) {
            throw new AssertionError("listeners did not start within 20 s", e);
        } catch (Exception e) {
            throw new AssertionError("cannot start the listeners", e);
        }
    }

    @Override
    public void close() {
        if (listeners != null) {
            listeners.descendants().forEach(ProcessHandle::destroyForcibly);
            listeners.destroyForcibly();
            try {
                listeners.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listeners = null;
        }
        if (created) {
            Tool.run(World.STEP, List.of("ip", "netns", "del", name)).requireSuccess("ip netns del " + name);
            created = false;
        }
    }
}

package dev.stockade.compiler.target.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh network namespace for one test, removed on close. Users the rules name exist only inside
 * it: {@code ip netns exec} bind-mounts {@code /etc/netns/NAME/passwd} and {@code group} over the
 * host's files for the commands it runs, so iptables and nft resolve the names there and the
 * host's user database is never touched (tests of other branches may create the same names).
 * A JVM stopped before {@link #close()} (a benchmark interrupted, a timeout's SIGTERM) removes it in
 * a shutdown hook.
 */
final class Netns implements AutoCloseable {

    /** How long a command in the namespace may take unless its caller says otherwise. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Path ETC_NETNS = Path.of("/etc/netns");

    private final String name;
    private final Path etc;
    private final boolean createdEtcNetns;
    private final Thread removeAtExit = new Thread(this::remove, "remove network namespace");
    private boolean closed;

    private Netns(String name, boolean createdEtcNetns) {
        this.name = name;
        this.etc = ETC_NETNS.resolve(name);
        this.createdEtcNetns = createdEtcNetns;
    }

    static Netns create() {
        String uid = Tool.run(TIMEOUT, List.of("id", "-u")).ok().out().strip();
        assertThat(uid).as("the netfilter tests load rules into network namespaces and need root").isEqualTo("0");
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String name = "stk-test-" + HexFormat.of().formatHex(random);
        boolean created = !Files.exists(ETC_NETNS);
        Tool.run(TIMEOUT, List.of("ip", "netns", "add", name)).ok();
        Netns ns = new Netns(name, created);
        Runtime.getRuntime().addShutdownHook(ns.removeAtExit);
        return ns;
    }

    String name() {
        return name;
    }

    /** Makes these users (name to uid; each with a group of the same name and id) exist in here. */
    void users(Map<String, Integer> users) {
        try {
            Files.createDirectories(etc);
            StringBuilder passwd = new StringBuilder(Files.readString(Path.of("/etc/passwd")));
            StringBuilder group = new StringBuilder(Files.readString(Path.of("/etc/group")));
            users.forEach((user, id) -> {
                passwd.append(user).append(":x:").append(id).append(':').append(id).append("::/nonexistent:/usr/sbin/nologin\n");
                group.append(user).append(":x:").append(id).append(":\n");
            });
            Files.writeString(etc.resolve("passwd"), passwd, StandardCharsets.UTF_8);
            Files.writeString(etc.resolve("group"), group, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Tool.Result exec(String... argv) {
        return Tool.run(TIMEOUT, argv(List.of(argv)));
    }

    /** A shell command line (a documented load command), run from {@code cwd}. */
    Tool.Result sh(Path cwd, String commandLine) {
        return sh(cwd, commandLine, TIMEOUT);
    }

    Tool.Result sh(Path cwd, String commandLine, Duration timeout) {
        return Tool.run(argv(List.of("sh", "-c", commandLine)), cwd, Map.of(), timeout);
    }

    Process start(List<String> argv) {
        return Tool.start(argv(argv), Path.of("/"));
    }

    /** Runs as a user of this namespace (by uid, groups cleared), e.g. the server's. */
    Tool.Result execAs(int uid, Duration timeout, List<String> argv) {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        full.addAll(argv);
        return Tool.run(argv(full), Path.of("/"), Map.of(), timeout);
    }

    private List<String> argv(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return full;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(removeAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs (or ran) remove() itself.
        }
        remove();
    }

    private synchronized void remove() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Tool.run(TIMEOUT, List.of("ip", "netns", "del", name)).ok();
        } finally {
            deleteEtc();
        }
    }

    private void deleteEtc() {
        try {
            if (Files.exists(etc)) {
                try (Stream<Path> files = Files.list(etc)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(etc);
            }
            if (createdEtcNetns && Files.exists(ETC_NETNS)) {
                try (Stream<Path> left = Files.list(ETC_NETNS)) {
                    if (left.findAny().isEmpty()) {
                        Files.deleteIfExists(ETC_NETNS);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uids no host account uses, for users that exist only inside test namespaces. */
    static List<Integer> freeUids(int count) {
        try {
            List<String> taken = Files.readAllLines(Path.of("/etc/passwd")).stream()
                    .map(line -> line.split(":")).filter(f -> f.length > 2).map(f -> f[2]).toList();
            List<Integer> out = new ArrayList<>();
            for (int uid = 64100; out.size() < count && uid < 65000; uid++) {
                if (!taken.contains(Integer.toString(uid))) {
                    out.add(uid);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

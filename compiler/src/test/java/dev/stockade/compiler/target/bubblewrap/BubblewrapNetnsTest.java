package dev.stockade.compiler.target.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The probe's network checks for a {@code network none} server, inside a network namespace this
 * test creates: the documentation addresses the probe samples are assigned to the namespace's
 * loopback (so an unsandboxed connection is refused, which proves the packet got through; this
 * kernel has no dummy interface module), and no packet can leave the namespace. The launcher must
 * leave the server no network at all: every sample is blocked inside the sandbox and reachable
 * outside it. Enforcement of allowlists (netfilter) is tested by the netfilter target.
 */
class BubblewrapNetnsTest {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final List<List<String>> ADDRESSES = List.of(
            List.of("addr", "add", "203.0.113.1/32", "dev", "lo"),
            List.of("addr", "add", "198.51.100.53/32", "dev", "lo"),
            List.of("-6", "addr", "add", "2001:db8:ffff::1/128", "dev", "lo", "nodad"));

    @Test
    void networkNoneLeavesTheServerNoNetworkInsideATestNamespace() {
        String netns = "stk-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36)
                .toLowerCase(Locale.ROOT);
        try (SandboxFixture server = new SandboxFixture()) {
            ip(List.of("netns", "add", netns));
            try {
                ip(List.of("-n", netns, "link", "set", "lo", "up"));
                for (List<String> address : ADDRESSES) {
                    List<String> args = new ArrayList<>(List.of("-n", netns));
                    args.addAll(address);
                    ip(args);
                }
                Tool.Result inside = Tool.run(LIMIT, inNetns(netns, List.of(server.launcher.toString(), "--probe",
                        server.probe.toString())));
                Tap sandboxed = Tap.parse(inside.out());
                assertThat(sandboxed.failures()).as("probe output:%n%s%s", inside.out(), inside.err()).isEmpty();
                assertThat(sandboxed.skipped()).isEmpty();
                assertThat(inside.exit()).isZero();
                assertThat(sandboxed.passed()).contains(
                        "tcp 203.0.113.1 port 443 is blocked (an address no allow names)",
                        "udp 198.51.100.53 port 53 is blocked (DNS to a resolver other than the declared one)",
                        "tcp 2001:db8:ffff::1 port 443 is blocked (an IPv6 address no allow names)",
                        "tcp 169.254.169.254 port 80 is blocked (the cloud metadata endpoint)");

                Tool.Result outside = Tool.run(LIMIT, inNetns(netns, List.of("bash", server.probe.toString())));
                assertThat(outside.exit()).isEqualTo(1);
                assertThat(Tap.parse(outside.out()).failures()).contains(
                        "tcp 203.0.113.1 port 443 is blocked (an address no allow names)",
                        "udp 198.51.100.53 port 53 is blocked (DNS to a resolver other than the declared one)",
                        "tcp 2001:db8:ffff::1 port 443 is blocked (an IPv6 address no allow names)");
            } finally {
                Tool.run(Duration.ofSeconds(30), List.of("ip", "netns", "del", netns));
            }
        }
        assertThat(Tool.run(Duration.ofSeconds(10), List.of("ip", "netns", "list")).out()).doesNotContain(netns);
    }

    private static List<String> inNetns(String netns, List<String> command) {
        List<String> out = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        out.addAll(SandboxFixture.withEnv(command));
        return out;
    }

    private static void ip(List<String> args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(args);
        Tool.run(Duration.ofSeconds(30), command).requireSuccess(String.join(" ", command));
    }
}

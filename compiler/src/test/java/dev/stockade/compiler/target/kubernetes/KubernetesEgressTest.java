package dev.stockade.compiler.target.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.compiler.effective.NetworkGrants;
import dev.stockade.compiler.effective.Origin;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.compiler.target.container.Yaml;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import dev.stockade.dsl.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicy allows exactly what the policy allows: for sample destinations (each rule's
 * first and last address and their neighbours outside, on each rule's edge ports and their
 * neighbours, both protocols, IPv4 and IPv6) the YAML, read by {@link NetworkPolicyEvaluator},
 * allows a connection iff {@link EffectivePolicy#mayReach} does. The only documented differences:
 * the declared resolver is replaced by the cluster DNS (a selector rule on UDP and TCP 53, present
 * iff the policy has {@code dns}), and loopback stays inside the pod.
 */
class KubernetesEgressTest {

    static Stream<Path> inputs() {
        return Golden.inputs().stream();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void egressEqualsThePolicy(Path policy) {
        check(Golden.compile(policy, KubernetesTarget.NAME));
    }

    /** Random nests of allows and denies, with carve-outs and re-opened holes, on mixed ports. */
    @Test
    void randomPoliciesAgree() {
        Random random = new Random(20260101);
        int compiled = 0;
        for (int i = 0; i < 300; i++) {
            String text = randomPolicy(random);
            Stockade.Outcome outcome = Stockade.compile(List.of(SourceFile.fromBytes("random.stockade",
                    text.getBytes(StandardCharsets.UTF_8))), List.of(KubernetesTarget.NAME));
            if (outcome.diagnostics().stream().anyMatch(Diagnostic::isBlockingError)) {
                continue;
            }
            compiled++;
            check(outcome);
        }
        assertThat(compiled).as("random policies without blocking errors").isGreaterThan(100);
    }

    /**
     * A policy the compiler writes in layers ({@link NetworkGrants#layered}: 200 hosts each adding
     * a port of its own under a prefix of 240 ports) gives a NetworkPolicy that allows exactly what
     * the policy allows, on 20,000 destinations drawn from the usual samples.
     */
    @Test
    void layeredPolicyAgrees() {
        StringBuilder network = new StringBuilder("    allow tcp 198.51.100.0/24 port 1000");
        for (int i = 1; i < 240; i++) {
            network.append(',').append(1000 + 2 * i);
        }
        network.append('\n');
        for (int host = 1; host <= 200; host++) {
            network.append("    allow tcp 198.51.100.").append(host).append(" port ").append(1001 + 2 * host).append('\n');
        }
        network.append("    deny 198.51.100.250\n    allow udp \"2001:db8::/120\" port 53\n");
        String text = "server layered {\n  command \"/usr/bin/node\" \"/opt/layered/server.js\"\n  network {\n" + network
                + "  }\n  kubernetes { image \"registry.example.com/layered:1\" }\n}\n";
        Stockade.Outcome outcome = Stockade.compile(List.of(SourceFile.fromBytes("layered.stockade",
                text.getBytes(StandardCharsets.UTF_8))), List.of(KubernetesTarget.NAME));
        assertThat(outcome.hasBlockingErrors()).isFalse();
        assertThat(Checker.resolve(outcome.parse().policies()).get(0).effective().network().layered()).isTrue();
        check(outcome, new Random(1234));
    }

    private static void check(Stockade.Outcome outcome) {
        check(outcome, null);
    }

    /** Every sample destination, or 20,000 drawn from them with {@code draw}. */
    private static void check(Stockade.Outcome outcome, Random draw) {
        for (Artifact artifact : outcome.artifacts()) {
            String name = artifact.path().replaceAll("^kubernetes/(.*)\\.yaml$", "$1");
            ServerContext server = Checker.resolve(outcome.parse().policies()).stream()
                    .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            NetworkPolicyEvaluator yaml = new NetworkPolicyEvaluator(Yaml.documents(artifact.content()).get(1));
            EffectivePolicy effective = server.effective();
            NetworkGrants statements = statementsOnly(effective);
            for (Protocol protocol : Protocol.values()) {
                assertThat(yaml.allowsSelectorPeer(protocol, 53)).as("cluster DNS rule in %s", artifact.path())
                        .isEqualTo(effective.dns().isPresent());
                assertThat(yaml.allowsSelectorPeer(protocol, 54)).isFalse();
            }
            List<Ip> addresses = addresses(effective);
            List<Integer> ports = ports(effective);
            for (int pair = 0; pair < (draw == null ? addresses.size() * ports.size() : 20_000); pair++) {
                Ip ip = draw == null ? addresses.get(pair / ports.size()) : addresses.get(draw.nextInt(addresses.size()));
                int port = draw == null ? ports.get(pair % ports.size()) : ports.get(draw.nextInt(ports.size()));
                for (Protocol protocol : Protocol.values()) {
                    boolean policy = effective.mayReach(protocol, ip, port);
                    boolean written = statements.mayReach(protocol, ip, port);
                    if (policy != written) {
                        assertThat(isResolver(effective, ip, port) || isLoopback(ip))
                                .as("%s %s:%d differs only for the resolver or loopback", protocol, ip.text(), port)
                                .isTrue();
                    }
                    assertThat(yaml.allows(protocol, ip, port)).as("%s: %s %s port %d", artifact.path(), protocol,
                            ip.text(), port).isEqualTo(written);
                }
            }
        }
    }

    private static NetworkGrants statementsOnly(EffectivePolicy effective) {
        List<NetRule> rules = new ArrayList<>();
        for (int i = 0; i < effective.network().rules().size(); i++) {
            if (effective.netSources().get(i).origin() == Origin.STATEMENT) {
                rules.add(effective.network().rules().get(i));
            }
        }
        return NetworkGrants.of(rules);
    }

    private static boolean isResolver(EffectivePolicy effective, Ip ip, int port) {
        return port == 53 && effective.dns().map(d -> d.contains(ip)).orElse(false);
    }

    private static boolean isLoopback(Ip ip) {
        return Cidr.parse("127.0.0.0/8").orElseThrow().contains(ip) || Cidr.parse("::1").orElseThrow().contains(ip);
    }

    /** Each rule's first and last address and the addresses just outside, plus a few fixed ones. */
    private static List<Ip> addresses(EffectivePolicy effective) {
        TreeSet<Ip> out = new TreeSet<>();
        for (String fixed : List.of("192.0.2.1", "203.0.113.9", "10.0.0.1", "127.0.0.1", "2001:db8::1", "::1")) {
            out.add(Ip.parse(fixed).orElseThrow());
        }
        for (NetRule rule : effective.network().rules()) {
            Ip first = rule.prefix().first();
            Ip last = rule.prefix().last();
            out.add(first);
            out.add(last);
            out.add(step(first, -1));
            out.add(step(last, 1));
            out.add(step(first, 1));
        }
        return List.copyOf(out);
    }

    private static Ip step(Ip ip, int delta) {
        if (!ip.v6()) {
            return Ip.v4(ip.lo() + delta);
        }
        return new Ip(true, ip.hi(), ip.lo() + delta);
    }

    private static List<Integer> ports(EffectivePolicy effective) {
        TreeSet<Integer> out = new TreeSet<>(List.of(1, 53, 54, 443, 8080, 65535));
        for (NetRule rule : effective.network().rules()) {
            if (rule instanceof NetRule.Allow allow) {
                for (PortRange range : allow.ports().toRanges()) {
                    out.addAll(List.of(range.low(), range.high(), Math.max(1, range.low() - 1), Math.min(65535, range.high() + 1)));
                }
            }
        }
        return List.copyOf(out);
    }

    private static String randomPolicy(Random random) {
        StringBuilder network = new StringBuilder();
        int rules = 1 + random.nextInt(7);
        for (int i = 0; i < rules; i++) {
            boolean v6 = random.nextInt(3) == 0;
            String prefix = v6 ? "\"2001:db8::" + Integer.toHexString(random.nextInt(256)) + "/" + (120 + random.nextInt(9)) + "\""
                    : "198.51.100." + random.nextInt(256) + "/" + (24 + random.nextInt(9));
            prefix = canonical(prefix);
            if (random.nextInt(3) == 0) {
                network.append("    deny ").append(prefix).append('\n');
            } else {
                String[] ports = {"443", "80,443", "5432", "8000-8100", "53", "22,8000-8010"};
                network.append("    allow ").append(random.nextBoolean() ? "tcp " : "udp ").append(prefix)
                        .append(" port ").append(ports[random.nextInt(ports.length)]).append('\n');
            }
        }
        if (random.nextInt(3) == 0) {
            network.append("    dns 192.0.2.53\n");
        }
        if (random.nextInt(4) == 0) {
            network.append("    loopback port 8080\n");
        }
        return "server random {\n  command \"/usr/bin/node\" \"/opt/random/server.js\"\n  network {\n" + network
                + "  }\n  kubernetes { image \"registry.example.com/random:1\" }\n}\n";
    }

    /** Clears host bits so the prefix parses without a finding. */
    private static String canonical(String prefix) {
        boolean quoted = prefix.startsWith("\"");
        String bare = quoted ? prefix.substring(1, prefix.length() - 1) : prefix;
        Cidr parsed = Cidr.containing(Ip.parse(bare.substring(0, bare.indexOf('/'))).orElseThrow(),
                Integer.parseInt(bare.substring(bare.indexOf('/') + 1)));
        String text = parsed.network().text() + "/" + parsed.length();
        return quoted ? "\"" + text + "\"" : text;
    }
}

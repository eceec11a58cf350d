package dev.stockade.compiler.target.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.check.Checker;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input: golden files, compiled twice identical; every profile well formed and within the
 * SBPL whitelist; every anchor line in the pf grammar; and both evaluated against the effective
 * policy: the profile decides each named path (and a path below it) as {@code modeOf} does, opens
 * exactly the granted ports, and pf passes a sample destination iff {@code mayReach} allows it.
 */
class MacosGoldenTest {

    static List<Path> inputs() {
        return Golden.inputs();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void profilesAndAnchorsMatchGoldenAndThePolicy(Path policy) {
        List<Artifact> artifacts = Golden.check(policy, "macos");
        Map<String, ServerContext> servers = servers(policy);
        assertThat(artifacts).hasSize(2 * servers.size());
        for (ServerContext server : servers.values()) {
            String base = "macos/" + server.name();
            Map<String, String> byPath = artifacts.stream().collect(Collectors.toMap(Artifact::path, Artifact::content));
            assertThat(byPath).containsKeys(base + ".sb", base + ".pf.conf");
            SbplEval profile = new SbplEval(SbplCheck.rules(base + ".sb", byPath.get(base + ".sb")));
            filesystemAgrees(server.effective(), profile);
            portsAgree(server.effective(), profile);
            addressesAgree(server.effective(), PfCheck.rules(base + ".pf.conf", byPath.get(base + ".pf.conf")));
        }
    }

    static Map<String, ServerContext> servers(Path policy) {
        Stockade.Outcome outcome = Golden.compile(policy, "macos");
        return Checker.resolve(outcome.parse().policies()).stream().collect(Collectors.toMap(ServerContext::name, Function.identity()));
    }

    private static void filesystemAgrees(EffectivePolicy policy, SbplEval profile) {
        for (FsEntry entry : policy.fs().entries()) {
            for (String path : List.of(entry.path(), entry.path() + "/below")) {
                String real = MacPaths.resolved(path);
                var access = policy.modeOf(path);
                assertThat(profile.allowsPath("file-read-data", real)).as("read %s", path).isEqualTo(access.allows(FsMode.READ));
                assertThat(profile.allowsPath("file-write-create", real)).as("create %s", path)
                        .isEqualTo(access.allows(FsMode.WRITE));
                assertThat(profile.allowsPath("file-write-data", real)).as("write data %s", path)
                        .isEqualTo(access.allows(FsMode.WRITE) || (access.allows(FsMode.APPEND) && path.equals(entry.path())));
                assertThat(profile.allowsPath("process-exec", real)).as("exec %s", path).isEqualTo(access.allows(FsMode.EXECUTE));
            }
        }
        assertThat(profile.allowsPath("file-read-data", "/Users/someone/.ssh/id_ed25519")).isFalse();
        assertThat(profile.allowsPath("file-write-create", "/private/tmp/x")).isFalse();
    }

    private static void portsAgree(EffectivePolicy policy, SbplEval profile) {
        for (Protocol protocol : Protocol.values()) {
            String name = protocol.name().toLowerCase(Locale.ROOT);
            var remote = NetLowering.remotePorts(policy, protocol);
            var local = NetLowering.localPorts(policy, protocol).union(remote);
            for (int port : samplePorts(policy)) {
                assertThat(profile.allowsRemote(name, "*", port)).as("%s port %d to any address", name, port)
                        .isEqualTo(remote.contains(port) || remote.size() > NetLowering.MAX_LISTED_PORTS);
                assertThat(profile.allowsRemote(name, "localhost", port)).as("%s port %d to localhost", name, port)
                        .isEqualTo(local.contains(port) || local.size() > NetLowering.MAX_LISTED_PORTS);
            }
        }
    }

    private static void addressesAgree(EffectivePolicy policy, List<PfCheck.Rule> anchor) {
        String user = policy.identity().user();
        List<Ip> addresses = sampleAddresses(policy);
        for (Protocol protocol : Protocol.values()) {
            String name = protocol.name().toLowerCase(Locale.ROOT);
            for (Ip address : addresses) {
                for (int port : samplePorts(policy)) {
                    assertThat(PfCheck.passes(anchor, name, address, port, user))
                            .as("%s %s port %d", name, address.text(), port).isEqualTo(policy.mayReach(protocol, address, port));
                }
                assertThat(PfCheck.passes(anchor, name, address, 443, "someone-else")).as("other users untouched").isTrue();
            }
        }
    }

    private static List<Integer> samplePorts(EffectivePolicy policy) {
        List<Integer> ports = new ArrayList<>(List.of(1, 22, 53, 80, 443, 65535));
        for (NetGrant grant : policy.network().effective()) {
            for (PortRange range : grant.ports().toRanges()) {
                ports.addAll(List.of(range.low(), range.high(), Math.max(1, range.low() - 1), Math.min(65535, range.high() + 1)));
            }
        }
        return ports.stream().distinct().sorted().toList();
    }

    private static List<Ip> sampleAddresses(EffectivePolicy policy) {
        List<Ip> out = new ArrayList<>(List.of(Ip.parse("203.0.113.9").orElseThrow(), Ip.parse("2001:db8:ffff::9").orElseThrow(),
                Ip.parse("127.0.0.1").orElseThrow(), Ip.parse("::1").orElseThrow()));
        for (NetGrant grant : policy.network().effective()) {
            for (IpRange range : grant.addresses().ranges()) {
                out.addAll(List.of(range.first(), range.last()));
                step(range.first(), -1).ifPresent(out::add);
                step(range.last(), 1).ifPresent(out::add);
            }
        }
        policy.dns().map(Cidr::first).ifPresent(out::add);
        return out.stream().distinct().toList();
    }

    private static java.util.Optional<Ip> step(Ip ip, int delta) {
        BigInteger value = BigInteger.valueOf(ip.hi()).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(ip.lo())))
                .add(BigInteger.valueOf(delta));
        BigInteger max = BigInteger.ONE.shiftLeft(ip.bits());
        if (value.signum() < 0 || value.compareTo(max) >= 0) {
            return java.util.Optional.empty();
        }
        long lo = value.longValue();
        long hi = value.shiftRight(64).longValue();
        return java.util.Optional.of(ip.v6() ? new Ip(true, hi, lo) : Ip.v4(lo));
    }
}

package dev.stockade.compiler.target.probe;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.NetRule;
import dev.stockade.compiler.effective.Origin;
import dev.stockade.compiler.effective.Ports;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The network checks: one connection per allowed prefix (reachable, or refused by the host, which
 * proves the packet got through), and a sample of destinations the policy denies, each only when
 * the effective policy really denies it. Samples use documentation addresses (RFC 5737, RFC 3849)
 * except the metadata endpoint, which is the point of that check.
 */
final class NetChecks {

    private static final List<String> OTHER_RESOLVERS = List.of("198.51.100.53", "203.0.113.53", "192.0.2.153");
    private static final List<String> V6_SAMPLES = List.of("2001:db8:ffff::1", "2001:db8::1", "2001:db8:fffe::1");
    private static final List<String> V4_SAMPLES = List.of("203.0.113.1", "198.51.100.1", "192.0.2.1");

    private NetChecks() {
    }

    static void add(EffectivePolicy policy, ProbeChecks out) {
        for (NetGrant grant : policy.network().effective()) {
            int port = grant.ports().toRanges().get(0).low();
            for (Cidr prefix : grant.addresses().toPrefixes()) {
                open(out, grant.protocol(), representative(prefix), port, "allowed");
            }
        }
        blocked(policy, out, Protocol.TCP, ip("169.254.169.254"), 80, "the cloud metadata endpoint");
        for (NetRule rule : policy.network().rules()) {
            if (rule instanceof NetRule.Deny deny) {
                Ip address = representative(deny.prefix());
                enclosingPort(policy, deny.prefix()).ifPresent(port ->
                        blocked(policy, out, Protocol.TCP, address, port, "denied carve-out " + deny.prefix().text()));
            }
        }
        Optional<NetRule.Allow> firstTcp = statementAllows(policy).filter(a -> a.protocol() == Protocol.TCP).findFirst();
        Optional<NetGrant> wrongPort = firstTcp.map(a -> new NetGrant(Protocol.TCP, AddressSet.of(a.prefix()), a.ports()))
                .or(() -> policy.network().effective().stream().filter(g -> g.protocol() == Protocol.TCP).findFirst());
        wrongPort.ifPresent(grant -> {
            int outside = portOutside(grant.ports());
            if (outside >= 1) {
                blocked(policy, out, Protocol.TCP, representative(grant.addresses().toPrefixes().get(0)), outside,
                        "an allowed host on a port not granted");
            }
        });
        OTHER_RESOLVERS.stream().map(NetChecks::ip).filter(a -> !policy.mayReach(Protocol.UDP, a, 53)).findFirst()
                .ifPresent(a -> blocked(policy, out, Protocol.UDP, a, 53, "DNS to a resolver other than the declared one"));
        int port = firstTcp.map(a -> a.ports().toRanges().get(0).low()).orElse(443);
        V4_SAMPLES.stream().map(NetChecks::ip).filter(a -> !policy.mayReach(Protocol.TCP, a, port)).findFirst()
                .ifPresent(a -> blocked(policy, out, Protocol.TCP, a, port, "an address no allow names"));
        V6_SAMPLES.stream().map(NetChecks::ip).filter(a -> !policy.mayReach(Protocol.TCP, a, port)).findFirst()
                .ifPresent(a -> blocked(policy, out, Protocol.TCP, a, port, "an IPv6 address no allow names"));
    }

    private static void open(ProbeChecks out, Protocol protocol, Ip address, int port, String why) {
        String name = protocol.name().toLowerCase(Locale.ROOT);
        String text = address.text();
        out.add(name + "_open", name + " " + text + " port " + port + " is reachable (" + why + ")", text,
                Integer.toString(port));
    }

    private static void blocked(EffectivePolicy policy, ProbeChecks out, Protocol protocol, Ip address, int port, String why) {
        if (policy.mayReach(protocol, address, port)) {
            return;
        }
        String name = protocol.name().toLowerCase(Locale.ROOT);
        out.add(name + "_blocked", name + " " + address.text() + " port " + port + " is blocked (" + why + ")",
                address.text(), Integer.toString(port));
    }

    /** The allows the user wrote (not those implied by dns and loopback), in order. */
    private static Stream<NetRule.Allow> statementAllows(EffectivePolicy policy) {
        List<NetRule> rules = policy.network().rules();
        return IntStream.range(0, rules.size()).filter(i -> policy.netSources().get(i).origin() == Origin.STATEMENT)
                .mapToObj(rules::get).filter(NetRule.Allow.class::isInstance).map(NetRule.Allow.class::cast);
    }

    /** A port some allow opens on a prefix enclosing {@code prefix}: without the deny, it would be reachable. */
    private static Optional<Integer> enclosingPort(EffectivePolicy policy, Cidr prefix) {
        for (NetRule rule : policy.network().rules()) {
            if (rule instanceof NetRule.Allow allow && allow.prefix().contains(prefix) && !allow.prefix().equals(prefix)) {
                return Optional.of(allow.ports().toRanges().get(0).low());
            }
        }
        return Optional.empty();
    }

    /** The lowest port above the first granted range, else the one below it. */
    private static int portOutside(Ports ports) {
        PortRange first = ports.toRanges().get(0);
        return first.high() < 65535 ? first.high() + 1 : first.low() - 1;
    }

    /** A host of the prefix: the prefix itself for a single host, else its first address after the network. */
    static Ip representative(Cidr prefix) {
        Ip network = prefix.network();
        return prefix.length() == network.bits() ? network : new Ip(network.v6(), network.hi(), network.lo() + 1);
    }

    private static Ip ip(String text) {
        return Ip.parse(text).orElseThrow();
    }
}

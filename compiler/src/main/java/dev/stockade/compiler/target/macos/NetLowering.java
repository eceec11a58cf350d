package dev.stockade.compiler.target.macos;

import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.Ports;
import dev.stockade.compiler.target.escape.PfEscape;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The network half: SBPL can name a remote port but not an address ({@code "*:PORT"} or
 * {@code "localhost:PORT"}), so the profile opens exactly the granted ports and the pf anchor,
 * keyed on the server's user, restricts the addresses.
 */
final class NetLowering {

    /** More ports than this per protocol are opened as {@code *:*} in the profile (pf still lists them). */
    static final int MAX_LISTED_PORTS = 100;

    static final AddressSet LOOPBACK = AddressSet.of(Cidr.LOOPBACK_V4).union(AddressSet.of(Cidr.LOOPBACK_V6));

    private NetLowering() {
    }

    /** The ports of {@code protocol} granted to some address outside loopback. */
    static Ports remotePorts(EffectivePolicy policy, Protocol protocol) {
        return union(policy.network().effective().stream()
                .filter(g -> g.protocol() == protocol && !LOOPBACK.containsAll(g.addresses())));
    }

    /** The ports of {@code protocol} granted on loopback and not already open to every address. */
    static Ports localPorts(EffectivePolicy policy, Protocol protocol) {
        return localPorts(policy, protocol, remotePorts(policy, protocol));
    }

    private static Ports localPorts(EffectivePolicy policy, Protocol protocol, Ports remote) {
        return union(policy.network().effective().stream()
                .filter(g -> g.protocol() == protocol && !g.addresses().intersect(LOOPBACK).isEmpty())).minus(remote);
    }

    /** The ports of all these grants, in one sort: a union per grant would copy the growing set each time. */
    private static Ports union(Stream<NetGrant> grants) {
        return Ports.of(grants.flatMap(grant -> grant.ports().toRanges().stream()).toList());
    }

    /** Whether some protocol has more ports than the profile lists one by one. */
    static boolean tooManyPorts(EffectivePolicy policy) {
        for (Protocol protocol : Protocol.values()) {
            Ports remote = remotePorts(policy, protocol);
            if (remote.size() > MAX_LISTED_PORTS || localPorts(policy, protocol, remote).size() > MAX_LISTED_PORTS) {
                return true;
            }
        }
        return false;
    }

    static List<String> sbpl(EffectivePolicy policy) {
        List<String> filters = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            String name = protocol.name().toLowerCase(Locale.ROOT);
            Ports remote = remotePorts(policy, protocol);
            filters.addAll(remotes(name, "*", remote));
            filters.addAll(remotes(name, "localhost", localPorts(policy, protocol, remote)));
        }
        return filters.isEmpty() ? List.of() : List.of(Sbpl.rule("allow", "network-outbound", filters));
    }

    private static List<String> remotes(String protocol, String host, Ports ports) {
        if (ports.size() > MAX_LISTED_PORTS) {
            return List.of(Sbpl.remote(protocol, host, "*"));
        }
        List<String> out = new ArrayList<>();
        for (PortRange range : ports.toRanges()) {
            for (int port = range.low(); port <= range.high(); port++) {
                out.add(Sbpl.remote(protocol, host, Integer.toString(port)));
            }
        }
        return out;
    }

    /** One {@code pass} per grant and family, then {@code block return} for the rest of both families. */
    static List<String> pf(EffectivePolicy policy) {
        String user = PfEscape.string(policy.identity().user());
        List<String> rules = new ArrayList<>();
        for (NetGrant grant : policy.network().effective()) {
            String proto = grant.protocol().name().toLowerCase(Locale.ROOT);
            for (AddressSet family : List.of(grant.addresses().v4(), grant.addresses().v6())) {
                List<Cidr> prefixes = family.toPrefixes();
                if (prefixes.isEmpty()) {
                    continue;
                }
                rules.add("pass out quick " + (prefixes.get(0).v6() ? "inet6" : "inet") + " proto " + proto
                        + " from any to " + list(prefixes.stream().map(Cidr::text).toList())
                        + " port " + list(grant.ports().toRanges().stream().map(NetLowering::pfPort).toList())
                        + " user " + user);
            }
        }
        for (String family : List.of("inet", "inet6")) {
            rules.add("block return out quick " + family + " proto { tcp udp } from any to any user " + user);
        }
        return List.copyOf(rules);
    }

    private static String pfPort(PortRange range) {
        return range.low() == range.high() ? Integer.toString(range.low()) : range.low() + ":" + range.high();
    }

    private static String list(List<String> items) {
        return items.size() == 1 ? items.get(0) : items.stream().collect(Collectors.joining(" ", "{ ", " }"));
    }
}

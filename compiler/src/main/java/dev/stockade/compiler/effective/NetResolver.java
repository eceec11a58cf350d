package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Address;
import dev.stockade.dsl.model.IpPrefix;
import dev.stockade.dsl.model.NetAllow;
import dev.stockade.dsl.model.NetDeny;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.Protocol;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the network half of the effective policy. The resolver becomes allows of udp and tcp 53,
 * the loopback ports allows of tcp and udp to 127.0.0.0/8 and ::1, so that every query and every
 * target sees one set of rules. Host names are left out: {@code net-hostname} rejects them.
 */
record NetResolver(NetworkGrants grants, List<Source> sources, Optional<Cidr> dns, Ports loopback) {

    static NetResolver resolve(Server server) {
        List<NetRule> rules = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        Optional<NetworkRules> block = server.network().filter(NetworkRules.class::isInstance).map(NetworkRules.class::cast);
        if (block.isEmpty()) {
            return new NetResolver(NetworkGrants.of(rules), sources, Optional.empty(), Ports.none());
        }
        NetworkRules network = block.get();
        for (NetAllow allow : network.allows()) {
            cidr(allow.address()).ifPresent(cidr -> add(rules, sources,
                    NetRule.allow(allow.protocol(), cidr, Ports.of(allow.ports().ranges())), Origin.STATEMENT, allow.span()));
        }
        for (NetDeny deny : network.denies()) {
            cidr(deny.address()).ifPresent(cidr -> add(rules, sources, NetRule.deny(cidr), Origin.STATEMENT, deny.span()));
        }
        Optional<Cidr> dns = network.dns().flatMap(d -> cidr(d.address()));
        network.dns().ifPresent(d -> dns.ifPresent(cidr -> {
            for (Protocol protocol : List.of(Protocol.UDP, Protocol.TCP)) {
                add(rules, sources, NetRule.allow(protocol, cidr, Ports.single(53)), Origin.DNS, d.span());
            }
        }));
        Ports loopback = network.loopback().map(l -> Ports.of(l.ports().ranges())).orElse(Ports.none());
        network.loopback().ifPresent(l -> {
            for (Cidr cidr : List.of(Cidr.LOOPBACK_V4, Cidr.LOOPBACK_V6)) {
                for (Protocol protocol : Protocol.values()) {
                    add(rules, sources, NetRule.allow(protocol, cidr, loopback), Origin.LOOPBACK, l.span());
                }
            }
        });
        return new NetResolver(NetworkGrants.of(rules), sources, dns, loopback);
    }

    private static Optional<Cidr> cidr(Address address) {
        return address instanceof IpPrefix prefix ? Optional.of(Cidr.of(prefix)) : Optional.empty();
    }

    private static void add(List<NetRule> rules, List<Source> sources, NetRule rule, Origin origin, Span span) {
        rules.add(rule);
        sources.add(new Source(origin, span));
    }

}

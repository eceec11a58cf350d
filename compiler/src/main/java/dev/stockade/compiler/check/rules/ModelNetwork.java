package dev.stockade.compiler.check.rules;

import dev.stockade.dsl.model.Address;
import dev.stockade.dsl.model.Dns;
import dev.stockade.dsl.model.NetAllow;
import dev.stockade.dsl.model.NetDeny;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.Server;
import java.util.Optional;
import java.util.stream.Stream;

/** The network statements of a server as written. */
final class ModelNetwork {

    private ModelNetwork() {
    }

    static Optional<NetworkRules> rules(Server server) {
        return server.network().filter(NetworkRules.class::isInstance).map(NetworkRules.class::cast);
    }

    static Stream<NetAllow> allows(Server server) {
        return rules(server).stream().flatMap(rules -> rules.allows().stream());
    }

    /** Every address the network block names: allows, denies and the resolver. */
    static Stream<Address> addresses(Server server) {
        return rules(server).stream().flatMap(rules -> Stream.of(
                rules.allows().stream().map(NetAllow::address),
                rules.denies().stream().map(NetDeny::address),
                rules.dns().stream().map(Dns::address)).flatMap(s -> s));
    }
}

package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Protocol;

/** The ports open per protocol for one region of addresses. */
record Grant(Ports tcp, Ports udp) {

    static final Grant NONE = new Grant(Ports.none(), Ports.none());

    Ports ports(Protocol protocol) {
        return protocol == Protocol.TCP ? tcp : udp;
    }

    Grant plus(Protocol protocol, Ports ports) {
        return protocol == Protocol.TCP ? new Grant(tcp.union(ports), udp) : new Grant(tcp, udp.union(ports));
    }

    /** The ports of either, per protocol. */
    Grant union(Grant other) {
        return new Grant(tcp.union(other.tcp), udp.union(other.udp));
    }

    boolean isEmpty() {
        return tcp.isEmpty() && udp.isEmpty();
    }
}

package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Protocol;

/** One span-free network rule, as {@link NetworkGrants} reads it. */
public sealed interface NetRule {

    Cidr prefix();

    static NetRule allow(Protocol protocol, Cidr prefix, Ports ports) {
        return new Allow(protocol, prefix, ports);
    }

    static NetRule deny(Cidr prefix) {
        return new Deny(prefix);
    }

    /** {@code allow tcp|udp PREFIX port PORTS}; the ports are never empty. */
    record Allow(Protocol protocol, Cidr prefix, Ports ports) implements NetRule {
        public Allow {
            if (ports.isEmpty()) {
                throw new IllegalArgumentException("an allow needs at least one port");
            }
        }
    }

    /** {@code deny PREFIX}: every port of both protocols. */
    record Deny(Cidr prefix) implements NetRule {
    }
}

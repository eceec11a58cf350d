package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Protocol;

/** One entry of the effective network policy: these addresses are reachable on these ports. */
public record NetGrant(Protocol protocol, AddressSet addresses, Ports ports) {
}

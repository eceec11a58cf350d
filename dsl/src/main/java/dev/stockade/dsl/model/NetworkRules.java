package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code network { ... }}: allows, denies, the resolver and the loopback ports. */
public record NetworkRules(List<NetAllow> allows, List<NetDeny> denies, Optional<Dns> dns, Optional<Loopback> loopback, Span span) implements Network {
    public NetworkRules {
        allows = List.copyOf(allows);
        denies = List.copyOf(denies);
    }
}

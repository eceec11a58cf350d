package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/** {@code server NAME { ... }}: every once-only statement as an optional, repeatable ones as lists. */
public record Server(Name name, Optional<Text> description, Optional<Command> command, Optional<RuntimeDecl> runtime, Optional<Name> user, Optional<Name> group, Optional<PathValue> workdir, Optional<Filesystem> filesystem, Optional<Network> network, Optional<Secrets> secrets, Optional<Limits> limits, Optional<Audit> audit, Optional<KubernetesSettings> kubernetes, Optional<ComposeSettings> compose, Optional<SystemdSettings> systemd, Optional<MacosSettings> macos, List<Accept> accepts, Span span) {
    public Server {
        accepts = List.copyOf(accepts);
    }
}

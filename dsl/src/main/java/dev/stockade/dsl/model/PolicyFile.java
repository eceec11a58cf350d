package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;
import java.util.List;
import java.util.Optional;

/** One {@code .stockade} file: its display path, the optional {@code stockade N} line and its servers. */
public record PolicyFile(String path, Optional<VersionDecl> version, List<Server> servers, Span span) {
    public PolicyFile {
        servers = List.copyOf(servers);
    }
}

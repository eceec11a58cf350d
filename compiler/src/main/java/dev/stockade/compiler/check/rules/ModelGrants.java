package dev.stockade.compiler.check.rules;

import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.FsStatement;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Server;
import java.util.stream.Stream;

/** The filesystem statements of a server as written, one entry per path. */
record ModelGrants(FsMode mode, PathValue path, FsStatement statement) {

    /** Every grant (not deny) path of the server, in source order. */
    static Stream<ModelGrants> of(Server server) {
        return all(server).filter(grant -> grant.mode() != FsMode.DENY);
    }

    /** Every filesystem path of the server, grants and denies, in source order. */
    static Stream<ModelGrants> all(Server server) {
        return server.filesystem().stream()
                .flatMap(fs -> fs.statements().stream())
                .flatMap(stmt -> stmt.paths().stream().map(path -> new ModelGrants(stmt.mode(), path, stmt)));
    }
}

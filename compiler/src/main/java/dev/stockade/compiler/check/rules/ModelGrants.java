package dev.stockade.compiler.check.rules;

import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.FsStatement;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * The filesystem statements of a server as written, one entry per path. Several rules read them
 * for every server, so they are lists built with plain loops, not nested streams.
 */
record ModelGrants(FsMode mode, PathValue path, FsStatement statement) {

    /** Every grant (not deny) path of the server, in source order. */
    static List<ModelGrants> of(Server server) {
        return collect(server, false);
    }

    /** Every filesystem path of the server, grants and denies, in source order. */
    static List<ModelGrants> all(Server server) {
        return collect(server, true);
    }

    private static List<ModelGrants> collect(Server server, boolean denies) {
        List<ModelGrants> out = new ArrayList<>();
        server.filesystem().ifPresent(fs -> {
            for (FsStatement statement : fs.statements()) {
                if (denies || statement.mode() != FsMode.DENY) {
                    statement.paths().forEach(path -> out.add(new ModelGrants(statement.mode(), path, statement)));
                }
            }
        });
        return out;
    }
}

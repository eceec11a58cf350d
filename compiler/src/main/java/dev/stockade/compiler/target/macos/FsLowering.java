package dev.stockade.compiler.target.macos;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Access;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.dsl.model.FsMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy's paths as SBPL, parent before child. SBPL lets the last matching rule decide, so each
 * named path restates all four file operations for its sub-tree (allow what its access grants, deny
 * the rest): whatever a parent or the runtime allowed there is replaced, and the most specific
 * path, written last, wins, as the language says.
 */
final class FsLowering {

    private FsLowering() {
    }

    static List<String> rules(ServerContext server) {
        List<String> rules = new ArrayList<>();
        for (FsEntry entry : server.effective().fs().entries()) {
            rules.addAll(entry(MacPaths.resolved(entry.path()), entry.access()));
        }
        return List.copyOf(rules);
    }

    /** The resolved paths the policy names, for their ancestors' metadata. */
    static List<String> paths(ServerContext server) {
        return server.effective().fs().entries().stream().map(e -> MacPaths.resolved(e.path())).toList();
    }

    private static List<String> entry(String path, Access access) {
        String tree = Sbpl.subpath(path);
        boolean execute = access.allows(FsMode.EXECUTE);
        List<String> rules = new ArrayList<>();
        rules.add(Sbpl.rule(verb(access.allows(FsMode.READ)), "file-read*", tree));
        rules.add(Sbpl.rule(verb(access.allows(FsMode.WRITE)), "file-write*", tree));
        if (access.allows(FsMode.APPEND) && !access.allows(FsMode.WRITE)) {
            // INVARIANT: append names a file; its data may be written, it may not be created, removed or renamed.
            rules.add(Sbpl.rule("allow", "file-write-data", Sbpl.literal(path)));
        }
        rules.add(Sbpl.rule(verb(execute), "process-exec", tree));
        rules.add(Sbpl.rule(verb(execute), "file-map-executable", tree));
        return rules;
    }

    private static String verb(boolean allowed) {
        return allowed ? "allow" : "deny";
    }
}

package dev.stockade.compiler.target.bubblewrap;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Access;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.effective.Source;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.dsl.model.FsMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The filesystem half of the launcher: one mount per named path, parent before child, so that a
 * deeper path's mount lands on top of its parent's and the most specific rule wins. Each is the
 * line that calls the launcher's function for it ({@link LauncherView#mounts()}).
 */
final class Mounts {

    private Mounts() {
    }

    static List<String> of(ServerContext server, TargetReport report) {
        List<String> mounts = new ArrayList<>();
        boolean executableData = false;
        for (FsEntry entry : server.effective().fs().entries()) {
            Access access = entry.access();
            String path = ShellEscape.word(entry.path());
            if (access.isDenied()) {
                boolean underWrite = entry.enclosing().map(p -> server.effective().modeOf(p).allows(FsMode.WRITE))
                        .orElse(false);
                mounts.add(underWrite ? "deny " + path + " create" : "deny " + path);
                continue;
            }
            executableData |= !access.allows(FsMode.EXECUTE);
            if (access.allows(FsMode.WRITE)) {
                mounts.add("grant_write " + path);
            } else if (access.allows(FsMode.APPEND)) {
                mounts.add("grant_write " + path);
                reportAppend(server, report, entry.path());
            } else {
                mounts.add("grant_read " + path);
            }
        }
        if (executableData) {
            report.approximation(BubblewrapTarget.NAME, server, server.server().filesystem().orElseThrow().span(),
                    "read, write and append grants stay executable inside the sandbox (bind mounts cannot be noexec)",
                    "the systemd unit's NoExecPaths= enforces it; keep programs out of data directories");
        }
        return List.copyOf(mounts);
    }

    private static void reportAppend(ServerContext server, TargetReport report, String path) {
        List<FsRule> rules = server.effective().fs().rules();
        List<Source> sources = server.effective().fsSources();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).mode() == FsMode.APPEND && rules.get(i).path().equals(path)) {
                report.approximation(BubblewrapTarget.NAME, server, sources.get(i).span(),
                        "append \"" + path + "\" is mounted writable: bubblewrap cannot mount a file append-only",
                        "the append-only attribute that systemd/" + server.name()
                                + ".tmpfiles.conf sets (chattr +a) enforces append inside the sandbox too");
                return;
            }
        }
    }
}

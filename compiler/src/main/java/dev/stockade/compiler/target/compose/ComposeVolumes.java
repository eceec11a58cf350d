package dev.stockade.compiler.target.compose;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Access;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.FsGrants;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.container.ContainerPolicy;
import dev.stockade.compiler.target.escape.YamlEscape;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.Mount;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The volumes of one service: a bind mount per granted path (read-only unless writable), parent
 * before child so that Docker, which mounts shallower targets first, lets the most specific rule
 * win; a deny inside a grant is hidden by an empty read-only tmpfs over a directory or a read-only
 * {@code /dev/null} over a file. Paths map through the compose block's {@code mount HOST at
 * CONTAINER} (longest host path first); unmapped paths are mounted at the same path. The command
 * and workdir are the image's, so only the filesystem statements are mounted.
 *
 * <p>Compose cannot ask whether a denied path is a file: a last segment with an extension
 * ({@code key.pem}) or a well-known dotfile name ({@code .env}, {@code .netrc}) is taken for a
 * file, anything else (and any path with named paths below it) for a directory. A wrong guess
 * makes Docker fail to start the container: it fails closed.
 */
final class ComposeVolumes {

    private static final Set<String> DOTFILES = Set.of(".env", ".netrc", ".npmrc", ".pypirc", ".pgpass",
            ".git-credentials", ".htpasswd", ".bash_history", ".dockercfg");
    /** A tmpfs that a named path below re-opens must stay writable for Docker to create the mount point. */
    private static final long HIDING_TMPFS_SIZE = 4096;

    private ComposeVolumes() {
    }

    static List<ComposeView.Volume> of(ServerContext server, List<Mount> mounts, TargetReport report) {
        FsGrants fs = ContainerPolicy.statementFilesystem(server);
        Map<String, Span> spans = ContainerPolicy.statementSpans(server);
        List<Mount> byDepth = mounts.stream()
                .sorted(Comparator.comparingInt((Mount m) -> m.host().value().length()).reversed()).toList();
        List<FsEntry> entries = fs.entries();
        List<ComposeView.Volume> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FsEntry entry = entries.get(i);
            String mapped = map(entry.path(), byDepth);
            String target = YamlEscape.string(mapped);
            Access access = entry.access();
            if (!access.isDenied()) {
                // Most paths are mounted where they are: one escaped string for both (compose keeps
                // every service's volumes until the fleet's file is written).
                String source = mapped.equals(entry.path()) ? target : YamlEscape.string(entry.path());
                out.add(new ComposeView.Volume("bind", source, target,
                        !access.allows(FsMode.WRITE) && !access.allows(FsMode.APPEND), 0));
                if (access.allows(FsMode.APPEND) && !access.allows(FsMode.WRITE)) {
                    report.approximation(ComposeTarget.NAME, server, spans.get(entry.path()), "append \""
                                    + entry.path() + "\" is mounted writable: a bind mount cannot be append-only",
                            "set the append-only attribute on the host file (chattr +a), as the systemd target does");
                }
                continue;
            }
            boolean hides = entry.enclosing().map(p -> !fs.modeOf(p).isDenied()).orElse(false);
            if (!hides) {
                continue;
            }
            boolean reopened = fs.grantedBelow(entry.path());
            if (!reopened && isFile(entry.path())) {
                out.add(new ComposeView.Volume("bind", YamlEscape.string("/dev/null"), target, true, 0));
            } else {
                out.add(new ComposeView.Volume("tmpfs", "", target, !reopened, HIDING_TMPFS_SIZE));
            }
        }
        reportUnusedMounts(server, mounts, entries, report);
        return List.copyOf(out);
    }

    static String map(String path, List<Mount> byDepth) {
        for (Mount mount : byDepth) {
            String host = mount.host().value();
            if (path.equals(host)) {
                return mount.container().value();
            }
            if (path.startsWith(host.equals("/") ? "/" : host + "/")) {
                String rest = path.substring(host.length());
                String container = mount.container().value();
                return container.equals("/") ? (rest.startsWith("/") ? rest : "/" + rest) : container + rest;
            }
        }
        return path;
    }

    static boolean isFile(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (DOTFILES.contains(last) || last.startsWith(".env.")) {
            return true;
        }
        int dot = last.lastIndexOf('.');
        String extension = dot > 0 ? last.substring(dot + 1) : "";
        return !extension.isEmpty() && extension.length() <= 8 && extension.chars().allMatch(Character::isLetterOrDigit);
    }

    private static void reportUnusedMounts(ServerContext server, List<Mount> mounts, List<FsEntry> entries,
            TargetReport report) {
        for (Mount mount : mounts) {
            String host = mount.host().value();
            boolean used = entries.stream().anyMatch(e -> !e.access().isDenied()
                    && (e.path().equals(host) || e.path().startsWith(host.equals("/") ? "/" : host + "/")));
            if (!used) {
                report.approximation(ComposeTarget.NAME, server, mount.span(), "mount \"" + host
                                + "\" names no granted path at or below it, so nothing is mounted there",
                        "grant the path in the filesystem block, or remove the mount");
            }
        }
    }
}

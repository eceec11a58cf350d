package dev.stockade.compiler.target.bubblewrap;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.SecretNames;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.ServerTarget;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.Templates;
import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.dsl.model.Command;
import dev.stockade.dsl.model.Limits;
import dev.stockade.dsl.model.Secrets;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Size;
import dev.stockade.dsl.model.Text;
import dev.stockade.dsl.model.Vault;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bubblewrap/<server>.sh}: a bash launcher that drops to the server's user when started as
 * root and execs the command under {@code bwrap} with every namespace unshared, the policy's paths
 * bound in most-specific order and only the declared secrets in the environment.
 */
public final class BubblewrapTarget implements ServerTarget {

    static final String NAME = "bubblewrap";
    private static final long BLOCK = 1024;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Artifact> compile(ServerContext server, TargetReport report) {
        Server model = server.server();
        EffectivePolicy policy = server.effective();
        if (model.command().isEmpty()) {
            return List.of();
        }
        Command command = model.command().get();
        List<String> words = Stream.concat(Stream.of(command.program().value()), command.args().stream().map(Text::value))
                .map(ShellEscape::word).toList();
        reportNetwork(server, report);
        reportLimits(server, report);
        reportVault(server, report);
        LauncherView view = new LauncherView(Header.of(server), ShellEscape.word(policy.identity().user()),
                ShellEscape.word(policy.identity().group()), !policy.networkNone(),
                SystemPaths.TOP_LEVEL.stream().map(ShellEscape::word).toList(),
                SystemPaths.files(policy).stream().map(ShellEscape::word).toList(), Mounts.of(server, report),
                SecretNames.of(server).stream().map(ShellEscape::word).toList(), fileSizeBlocks(server, report),
                model.limits().flatMap(Limits::openFiles).map(c -> c.value()).orElse(-1L),
                ShellEscape.word(policy.code().workdir().orElse("/")), words);
        return List.of(Artifact.program("bubblewrap/" + server.name() + ".sh",
                Templates.render("bubblewrap/launcher.sh.ftl", view)));
    }

    private static void reportNetwork(ServerContext server, TargetReport report) {
        if (server.effective().networkNone()) {
            return;
        }
        report.approximation(NAME, server, server.server().network().orElseThrow().span(),
                "the sandbox shares the host network: bubblewrap cannot filter addresses or ports, so the allowlist is"
                        + " enforced only by the netfilter rules for user \"" + server.effective().identity().user() + "\"",
                "load netfilter/" + server.name() + ".nft (or the .iptables and .ip6tables files) before starting the launcher");
    }

    private static void reportLimits(ServerContext server, TargetReport report) {
        server.server().limits().ifPresent(limits -> {
            if (limits.memory().isPresent() || limits.cpu().isPresent() || limits.tasks().isPresent()) {
                report.approximation(NAME, server, limits.span(),
                        "memory, cpu and tasks limits need a cgroup, which the launcher does not create",
                        "start the launcher from a systemd service (MemoryMax=, CPUQuota=, TasksMax=) or use the systemd unit");
            }
        });
    }

    private static void reportVault(ServerContext server, TargetReport report) {
        for (Vault vault : server.server().secrets().map(Secrets::vaults).orElse(List.of())) {
            report.approximation(NAME, server, vault.span(),
                    "the launcher does not fetch vault secrets: their variables are passed through only when the caller sets them",
                    "fetch the credentials before starting the launcher, or use the systemd unit's start script");
        }
    }

    /** {@code max-file-size} in whole 1024-byte blocks (bash's {@code ulimit -f}), rounded down: stricter. */
    private static long fileSizeBlocks(ServerContext server, TargetReport report) {
        Size size = server.server().filesystem().flatMap(fs -> fs.maxFileSize()).orElse(null);
        if (size == null) {
            return -1;
        }
        long bytes = size.bytes();
        if (bytes % BLOCK != 0) {
            report.approximation(NAME, server, size.span(), "max-file-size " + size.text() + " is rounded down to "
                    + (bytes / BLOCK) * BLOCK + " bytes (ulimit -f counts 1024-byte blocks)", "use a multiple of 1KiB");
        }
        return Math.max(1, bytes / BLOCK);
    }
}

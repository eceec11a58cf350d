package dev.stockade.compiler.target.macos;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.Secrets;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Vault;
import java.util.List;

/** What a Mac enforces differently from the policy, each said once as {@code target-approximation}. */
final class MacosReports {

    private MacosReports() {
    }

    static void all(ServerContext server, TargetReport report) {
        network(server, report);
        filesystem(server, report);
        limits(server, report);
        for (Vault vault : server.server().secrets().map(Secrets::vaults).orElse(List.of())) {
            report.approximation(MacosTarget.NAME, server, vault.span(),
                    "sandbox-exec does not fetch vault secrets: their variables are passed through only when the caller"
                            + " sets them", "fetch the credentials before starting the server");
        }
    }

    private static void network(ServerContext server, TargetReport report) {
        EffectivePolicy policy = server.effective();
        if (policy.networkNone()) {
            return;
        }
        String user = policy.identity().user();
        var span = server.server().network().orElseThrow().span();
        report.approximation(MacosTarget.NAME, server, span, "the sandbox profile opens the granted ports to every"
                        + " address (SBPL cannot name an address); the pf anchor restricts the addresses, and only for"
                        + " sockets of user \"" + user + "\" (sandbox-exec does not change the user)",
                "load macos/" + server.name() + ".pf.conf into anchor stockade/" + server.name() + " and run the server"
                        + " as user \"" + user + "\"");
        if (NetLowering.tooManyPorts(policy)) {
            report.approximation(MacosTarget.NAME, server, span, "more than " + NetLowering.MAX_LISTED_PORTS
                    + " ports of one protocol are opened as every port in the profile; only the pf anchor restricts them",
                    "grant fewer ports");
        }
        policy.dns().ifPresent(dns -> report.approximation(MacosTarget.NAME, server, span,
                "macOS resolves names through mDNSResponder, which asks the resolvers the Mac is configured with, not"
                        + " only " + dns.text(), "configure " + dns.text() + " as the Mac's only resolver"));
    }

    private static void filesystem(ServerContext server, TargetReport report) {
        Server model = server.server();
        report.approximation(MacosTarget.NAME, server, model.name().span(),
                "the sandbox has no private /tmp: no temporary directory is writable unless the policy grants one",
                "grant a directory with write and point TMPDIR at it");
        List<FsRule> rules = server.effective().fs().rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).mode() == FsMode.APPEND) {
                report.approximation(MacosTarget.NAME, server, server.effective().fsSources().get(i).span(),
                        "append \"" + rules.get(i).path() + "\" may also overwrite and truncate the file: the sandbox"
                                + " grants file-write-data, which does not tell appending from writing",
                        "keep the log on a host where the systemd unit makes it append-only");
            }
        }
        model.filesystem().flatMap(fs -> fs.maxFileSize()).ifPresent(size -> report.approximation(MacosTarget.NAME,
                server, size.span(), "max-file-size is not enforced: sandbox-exec sets no resource limits",
                "set the limit where the server is started (launchd's HardResourceLimits FileSize, or ulimit -f)"));
    }

    private static void limits(ServerContext server, TargetReport report) {
        server.server().limits().ifPresent(limits -> {
            if (limits.memory().isPresent() || limits.cpu().isPresent() || limits.tasks().isPresent()
                    || limits.openFiles().isPresent()) {
                report.approximation(MacosTarget.NAME, server, limits.span(),
                        "memory, cpu, tasks and open-files limits are not enforced: sandbox-exec sets no resource limits",
                        "set them where the server is started (launchd's HardResourceLimits, or ulimit)");
            }
        });
    }
}

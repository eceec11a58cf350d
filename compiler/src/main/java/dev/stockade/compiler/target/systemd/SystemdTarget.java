package dev.stockade.compiler.target.systemd;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.ServerTarget;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.Templates;
import dev.stockade.compiler.target.escape.SystemdEscape;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.Name;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.SystemdSettings;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A hardened systemd service per server, with the sysusers.d and tmpfiles.d files that create its
 * user and its writable paths, and, for Vault secrets, the start script that fetches them.
 */
public final class SystemdTarget implements ServerTarget {

    public static final String NAME = "systemd";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Artifact> compile(ServerContext server, TargetReport report) {
        EffectivePolicy effective = server.effective();
        UnitFilesystem.Lowered fs = UnitFilesystem.lower(effective.fs());
        UnitNetwork.Lowered net = UnitNetwork.lower(effective);
        reportApproximations(server, report, fs, net);
        String name = server.name();
        List<Artifact> artifacts = new ArrayList<>();
        artifacts.add(Artifact.file("systemd/" + unitName(server.server()) + ".service",
                Templates.render("systemd/service.ftl", UnitLowering.service(server, fs, net))));
        artifacts.add(Artifact.file("systemd/" + name + ".sysusers.conf",
                Templates.render("systemd/sysusers.ftl", UnitLowering.sysusers(server))));
        artifacts.add(Artifact.file("systemd/" + name + ".tmpfiles.conf",
                Templates.render("systemd/tmpfiles.ftl", UnitLowering.tmpfiles(server, fs))));
        if (UnitLowering.hasVault(effective)) {
            artifacts.add(Artifact.program("systemd/" + name + ".vault-start.sh",
                    Templates.render("systemd/vault-start.ftl", VaultStartLowering.view(server))));
        }
        return artifacts;
    }

    /** {@code systemd { unit-name NAME }}, else the server name. */
    static String unitName(Server server) {
        return server.systemd().flatMap(SystemdSettings::unitName).map(Name::value).orElse(server.name().value());
    }

    private static void reportApproximations(ServerContext server, TargetReport report, UnitFilesystem.Lowered fs,
            UnitNetwork.Lowered net) {
        Server model = server.server();
        Span fsSpan = model.filesystem().map(f -> f.span()).orElse(model.command().map(c -> c.span()).orElse(model.span()));
        String hidden = fs.hidden().isEmpty() ? "none" : String.join(", ", fs.hiddenPaths());
        report.approximation(NAME, server, fsSpan,
                "ProtectSystem=strict leaves ungranted paths outside the hidden directories readable (read-only): "
                        + "the runtime's trees /usr /etc /var and every top-level directory that holds no grant; hidden: "
                        + hidden,
                "the bubblewrap launcher enforces the filesystem policy exactly; use it where reading ungranted paths matters");
        List<FsRule> rules = server.effective().fs().rules();
        for (int i = 0; i < rules.size(); i++) {
            FsRule rule = rules.get(i);
            Span span = server.effective().fsSources().get(i).span();
            if (rule.mode() == FsMode.APPEND && fs.appendFiles().contains(rule.path())) {
                report.approximation(NAME, server, span, "append to \"" + rule.path()
                                + "\" is a writable bind with the append-only attribute (tmpfiles h +a): reading it is not prevented",
                        "the append-only attribute needs a filesystem that supports chattr +a (ext4, xfs, btrfs)");
            }
            if (fs.notExpressible().contains(rule.path())) {
                report.approximation(NAME, server, span, "\"" + rule.path()
                                + "\" contains ':' which systemd bind settings cannot express: this unit does not grant it",
                        "rename the path or run the server under the bubblewrap launcher");
            }
        }
        if (net.portsWidened()) {
            Span netSpan = model.network().map(n -> n.span()).orElse(model.span());
            report.approximation(NAME, server, netSpan,
                    "IPAddressAllow= filters addresses only: every port of tcp and udp is open to the allowed prefixes",
                    "load the netfilter rules (netfilter/" + server.name() + ".*), which enforce ports and protocols");
        }
    }
}

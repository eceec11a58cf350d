package dev.stockade.compiler.target.macos;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.ServerTarget;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.Templates;
import dev.stockade.compiler.target.escape.CommentEscape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code macos/<server>.sb}, a sandbox-exec profile that denies by default and allows the runtime,
 * the policy's paths (most specific last) and the granted ports; and {@code macos/<server>.pf.conf},
 * a pf anchor that restricts the addresses the server's user may reach, which SBPL cannot.
 */
public final class MacosTarget implements ServerTarget {

    static final String NAME = "macos";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Artifact> compile(ServerContext server, TargetReport report) {
        if (server.server().command().isEmpty()) {
            return List.of();
        }
        String label = Label.of(server, report);
        MacosReports.all(server, report);
        EffectivePolicy policy = server.effective();
        String base = "macos/" + server.name();
        SbplView profile = new SbplView(Header.of(server), label, sections(server));
        PfView anchor = new PfView(Header.of(server), label, "stockade/" + server.name(), base + ".pf.conf",
                CommentEscape.line(policy.identity().user()), NetLowering.pf(policy));
        return List.of(Artifact.file(base + ".sb", Templates.render("macos/profile.sb.ftl", profile)),
                Artifact.file(base + ".pf.conf", Templates.render("macos/anchor.pf.conf.ftl", anchor)));
    }

    private static List<SbplView.Section> sections(ServerContext server) {
        EffectivePolicy policy = server.effective();
        List<SbplView.Section> sections = new ArrayList<>();
        sections.add(new SbplView.Section(List.of("The process itself: threads, its own children, system limits."),
                List.of(Sbpl.rule("allow", "process-fork", List.of()),
                        Sbpl.rule("allow", "process-info*", "(target self)"),
                        Sbpl.rule("allow", "signal", "(target self)"),
                        Sbpl.rule("allow", "sysctl-read", List.of()))));
        List<String> runtime = new ArrayList<>();
        List<String> treePaths = RuntimeNeeds.trees(policy);
        List<String> filePaths = RuntimeNeeds.files(policy);
        List<String> programPaths = RuntimeNeeds.programs(policy);
        List<String> trees = treePaths.stream().map(Sbpl::subpath).toList();
        List<String> files = filePaths.stream().map(Sbpl::literal).toList();
        runtime.add(Sbpl.rule("allow", "file-read*", trees));
        runtime.add(Sbpl.rule("allow", "file-map-executable", trees));
        runtime.add(Sbpl.rule("allow", "file-read*", files));
        runtime.add(Sbpl.rule("allow", "file-write-data", Sbpl.literal("/dev/null")));
        List<String> programs = programPaths.stream().map(Sbpl::literal).toList();
        if (!programs.isEmpty()) {
            runtime.add(Sbpl.rule("allow", "process-exec", programs));
        }
        List<String> services = new ArrayList<>(RuntimeNeeds.machServices());
        if (policy.dns().isPresent()) {
            services.add("com.apple.dnssd.service");
        }
        runtime.add(Sbpl.rule("allow", "mach-lookup", services.stream().sorted().map(Sbpl::globalName).toList()));
        sections.add(new SbplView.Section(List.of("What the " + policy.runtime().keyword()
                + " runtime needs to start, read-only (docs/targets/macos.md lists why)."), runtime));
        List<String> fs = FsLowering.rules(server);
        if (!fs.isEmpty()) {
            sections.add(new SbplView.Section(List.of("The policy's paths, parent before child: the last matching rule"
                    + " decides, so the most specific path wins."), fs));
        }
        List<String> net = new ArrayList<>(NetLowering.sbpl(policy));
        if (policy.dns().isPresent()) {
            net.add(Sbpl.rule("allow", "network-outbound", Sbpl.literal("/private/var/run/mDNSResponder")));
        }
        sections.add(new SbplView.Section(net.isEmpty() ? List.of("No network: no outbound connection is allowed.")
                : List.of("Outbound connections to the granted ports only; macos/" + server.name()
                        + ".pf.conf restricts the addresses."), net));
        List<String> walk = new ArrayList<>(FsLowering.paths(server));
        walk.addAll(treePaths);
        walk.addAll(filePaths);
        walk.addAll(programPaths);
        sections.add(new SbplView.Section(List.of("Metadata (not contents) of the directories above every allowed"
                + " path, so that path resolution and realpath() work."),
                List.of(Sbpl.rule("allow", "file-read-metadata",
                        MacPaths.ancestors(walk).stream().map(Sbpl::literal).toList()))));
        return List.copyOf(sections);
    }
}

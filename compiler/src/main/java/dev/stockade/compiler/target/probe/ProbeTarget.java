package dev.stockade.compiler.target.probe;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.SecretNames;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.ServerTarget;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.Templates;
import dev.stockade.compiler.target.escape.ShellEscape;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code probe/<server>.sh}: a bash script that, run as the server runs (its user, its sandbox),
 * checks the boundary from the inside and prints TAP. It knows nothing of the sandbox that runs it:
 * the same probe checks the bubblewrap launcher and the systemd unit.
 */
public final class ProbeTarget implements ServerTarget {

    static final String NAME = "probe";

    /**
     * Variables a service manager or the launcher sets that carry no secret (systemd sets the user's
     * identity, its journal and credential plumbing); everything else must be declared.
     */
    static final List<String> NON_SECRET_ENV = List.of("_", "CACHE_DIRECTORY", "CONFIGURATION_DIRECTORY",
            "CREDENTIALS_DIRECTORY", "HOME", "INVOCATION_ID", "JOURNAL_STREAM", "LANG", "LANGUAGE", "LISTEN_FDNAMES",
            "LISTEN_FDS", "LISTEN_PID", "LOGNAME", "LOGS_DIRECTORY", "MAINPID", "MANAGERPID", "NOTIFY_SOCKET", "OLDPWD",
            "PATH", "PWD", "RUNTIME_DIRECTORY", "SHELL", "SHLVL", "STATE_DIRECTORY", "SYSTEMD_EXEC_PID", "TERM", "TZ",
            "USER", "WATCHDOG_PID", "WATCHDOG_USEC");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Artifact> compile(ServerContext server, TargetReport report) {
        ProbeChecks checks = new ProbeChecks();
        FsChecks.add(server, checks);
        NetChecks.add(server.effective(), checks);
        TreeSet<String> allowed = new TreeSet<>(NON_SECRET_ENV);
        allowed.addAll(SecretNames.of(server));
        ProbeView view = new ProbeView(Header.of(server), ShellEscape.word(server.name()),
                allowed.stream().map(ShellEscape::word).toList(), checks.all());
        return List.of(Artifact.program("probe/" + server.name() + ".sh", Templates.render("probe/probe.sh.ftl", view)));
    }
}

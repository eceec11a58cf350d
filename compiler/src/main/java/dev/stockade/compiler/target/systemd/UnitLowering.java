package dev.stockade.compiler.target.systemd;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.Identity;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.escape.SystemdEscape;
import dev.stockade.dsl.model.Command;
import dev.stockade.dsl.model.Limits;
import dev.stockade.dsl.model.Runtime;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Text;
import java.util.ArrayList;
import java.util.List;

/** Effective policy to the systemd view records: every decision about the unit's text is here. */
final class UnitLowering {

    static final String ETC = "/etc/stockade/";
    static final String LIBEXEC = "/usr/local/libexec/stockade/";

    private UnitLowering() {
    }

    static String envFile(String server) {
        return ETC + server + ".env";
    }

    static String credential(String server, String id) {
        return ETC + server + ".vault-" + id;
    }

    static String vaultScript(String server) {
        return LIBEXEC + server + ".vault-start.sh";
    }

    static boolean hasVault(EffectivePolicy effective) {
        return effective.secrets().map(s -> !s.vaults().isEmpty()).orElse(false);
    }

    static boolean hasEnvFile(EffectivePolicy effective) {
        return effective.secrets().map(s -> !s.env().isEmpty() || !s.vaults().isEmpty()).orElse(false);
    }

    static SystemdViews.Service service(ServerContext server, UnitFilesystem.Lowered fs, UnitNetwork.Lowered net) {
        EffectivePolicy effective = server.effective();
        Server model = server.server();
        String name = server.name();
        List<String> header = new ArrayList<>(Header.of(server));
        header.add("Install as /etc/systemd/system/" + SystemdTarget.unitName(model) + ".service, with "
                + name + ".sysusers.conf in /etc/sysusers.d and " + name + ".tmpfiles.conf in /etc/tmpfiles.d.");
        String description = SystemdEscape.value(model.description().map(Text::value).orElse("Stockade MCP server " + name));
        String workdir = effective.code().workdir().map(w -> "-" + SystemdEscape.singlePath(w)).orElse("");
        Identity identity = effective.identity();
        return new SystemdViews.Service(header, description, net.online(), identity.user(), identity.group(),
                execStart(server), workdir, secrets(effective, name), filesystem(fs), net.directives(),
                runtime(effective.runtime()), limits(model, effective));
    }

    /** Every word quoted; with Vault secrets, bash runs the start script, which execs the command. */
    private static String execStart(ServerContext server) {
        if (hasVault(server.effective())) {
            return SystemdEscape.execWord("/usr/bin/bash") + " " + SystemdEscape.execWord(vaultScript(server.name()));
        }
        List<String> words = new ArrayList<>();
        server.server().command().ifPresent(command -> {
            words.add(SystemdEscape.execWord(command.program().value()));
            command.args().forEach(arg -> words.add(SystemdEscape.execWord(arg.value())));
        });
        return String.join(" ", words);
    }

    private static List<String> secrets(EffectivePolicy effective, String name) {
        List<String> lines = new ArrayList<>();
        if (hasEnvFile(effective)) {
            lines.add("EnvironmentFile=" + SystemdEscape.path(envFile(name)));
        }
        if (hasVault(effective)) {
            for (String id : List.of("role-id", "secret-id")) {
                lines.add("LoadCredential=vault-" + id + ":" + SystemdEscape.path(credential(name, id)));
            }
        }
        return lines;
    }

    private static List<String> filesystem(UnitFilesystem.Lowered fs) {
        List<String> lines = new ArrayList<>();
        lines.add("ProtectSystem=strict");
        lines.add("ProtectHome=" + fs.protectHome());
        fs.hidden().forEach(p -> lines.add("TemporaryFileSystem=" + p));
        fs.bind().forEach(p -> lines.add("BindPaths=" + p));
        fs.bindReadOnly().forEach(p -> lines.add("BindReadOnlyPaths=" + p));
        fs.readWrite().forEach(p -> lines.add("ReadWritePaths=" + p));
        fs.readOnly().forEach(p -> lines.add("ReadOnlyPaths=" + p));
        fs.inaccessible().forEach(p -> lines.add("InaccessiblePaths=" + p));
        lines.add("NoExecPaths=/");
        lines.add("ExecPaths=" + String.join(" ", UnitFilesystem.RUNTIME_EXEC.stream()
                .map(p -> p.equals("/usr") ? p : SystemdEscape.optionalPath(p)).toList()));
        fs.exec().forEach(p -> lines.add("ExecPaths=" + p));
        fs.noExec().forEach(p -> lines.add("NoExecPaths=" + p));
        return lines;
    }

    /**
     * JIT runtimes need writable and executable memory; node reads /proc/stat and /proc/cpuinfo
     * for os.cpus(), and the JVM was not measured here, so both keep the full /proc.
     */
    private static List<String> runtime(Runtime runtime) {
        boolean jit = runtime == Runtime.NODE || runtime == Runtime.JVM;
        List<String> lines = new ArrayList<>();
        lines.add("MemoryDenyWriteExecute=" + (jit ? "no" : "yes"));
        if (!jit) {
            lines.add("ProcSubset=pid");
        }
        return lines;
    }

    /** {@code timeout} and {@code retries} belong to the MCP client, not to the unit. */
    private static List<String> limits(Server model, EffectivePolicy effective) {
        List<String> lines = new ArrayList<>();
        effective.limits().ifPresent(l -> addLimits(lines, l));
        model.filesystem().flatMap(f -> f.maxFileSize()).ifPresent(s -> lines.add("LimitFSIZE=" + s.bytes()));
        return lines;
    }

    private static void addLimits(List<String> lines, Limits limits) {
        limits.memory().ifPresent(m -> lines.add("MemoryMax=" + m.bytes()));
        limits.cpu().ifPresent(c -> lines.add("CPUQuota=" + c.value() + "%"));
        limits.tasks().ifPresent(t -> lines.add("TasksMax=" + t.value()));
        limits.openFiles().ifPresent(n -> lines.add("LimitNOFILE=" + n.value()));
    }

    static SystemdViews.Sysusers sysusers(ServerContext server) {
        Identity identity = server.effective().identity();
        List<String> lines = new ArrayList<>();
        if (!identity.group().equals(identity.user())) {
            lines.add("g " + identity.group() + " -");
        }
        lines.add("u " + identity.user() + " - \"Stockade MCP server " + server.name() + "\"");
        if (!identity.group().equals(identity.user())) {
            lines.add("m " + identity.user() + " " + identity.group());
        }
        return new SystemdViews.Sysusers(Header.of(server), lines);
    }

    static SystemdViews.Tmpfiles tmpfiles(ServerContext server, UnitFilesystem.Lowered fs) {
        Identity id = server.effective().identity();
        String owner = id.user() + " " + id.group();
        List<String> lines = new ArrayList<>();
        fs.writableDirs().forEach(p -> lines.add("d " + SystemdEscape.path(p) + " 0700 " + owner + " -"));
        for (String file : fs.appendFiles()) {
            lines.add("f " + SystemdEscape.path(file) + " 0600 " + owner + " -");
            lines.add("h " + SystemdEscape.path(file) + " - - - - +a");
        }
        EffectivePolicy effective = server.effective();
        if (hasEnvFile(effective)) {
            lines.add("d /etc/stockade 0755 root root -");
            lines.add("f " + SystemdEscape.path(envFile(server.name())) + " 0600 root root -");
        }
        if (hasVault(effective)) {
            lines.add("f " + SystemdEscape.path(credential(server.name(), "role-id")) + " 0600 root root -");
            lines.add("f " + SystemdEscape.path(credential(server.name(), "secret-id")) + " 0600 root root -");
        }
        return new SystemdViews.Tmpfiles(Header.of(server), lines);
    }

    static List<String> commandWords(Server model) {
        List<String> words = new ArrayList<>();
        model.command().map(Command::program).ifPresent(p -> words.add(p.value()));
        model.command().ifPresent(c -> c.args().forEach(a -> words.add(a.value())));
        return words;
    }
}

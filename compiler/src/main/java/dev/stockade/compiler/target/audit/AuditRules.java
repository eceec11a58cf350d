package dev.stockade.compiler.target.audit;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.effective.Source;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.escape.AuditEscape;
import dev.stockade.dsl.model.AuditEvent;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kernel half of the audit settings, for the events the kernel can see. Every rule is an exit
 * rule filtered by the server's uid ({@code -F uid=NAME}: auditctl resolves the name when it
 * loads the file) and keyed {@code stockade-<server>}, for both x86 ABIs: a 64-bit host still runs
 * 32-bit system calls, and a rule for one ABI does not see the other.
 */
final class AuditRules {

    static final List<String> ARCHES = List.of("b64", "b32");
    /** Calls that open, create, truncate, remove or rename by path; fd-based calls never match dir=. */
    static final String FILE_CALLS = "open,openat,openat2,creat,truncate,unlink,unlinkat,rename,renameat,renameat2";

    private AuditRules() {
    }

    static RulesView of(ServerContext server, Set<AuditEvent> events, TargetReport report) {
        String key = AuditTarget.key(server);
        String uid = "-F uid=" + AuditEscape.value(server.effective().identity().user());
        String tail = uid + " -k " + AuditEscape.value(key);
        List<RulesView.Section> sections = new ArrayList<>();
        if (events.contains(AuditEvent.FILE_ACCESS)) {
            Set<String> granted = new LinkedHashSet<>();
            Set<String> denied = new LinkedHashSet<>();
            for (FsEntry entry : server.effective().fs().entries()) {
                String path = auditable(server, entry.path(), report);
                (entry.access().isDenied() ? denied : granted).add(path);
            }
            sections.add(new RulesView.Section("file-access: opens, creations, truncations, removals and renames under"
                    + " each granted path", perArch(granted, dir -> "-S " + FILE_CALLS + " -F dir=" + dir + " " + tail)));
            sections.add(new RulesView.Section("file-access: any attempt on a denied path",
                    perArch(denied, dir -> "-F dir=" + dir + " -F perm=rwxa " + tail)));
        }
        if (events.contains(AuditEvent.NETWORK_REQUEST)) {
            sections.add(new RulesView.Section("network-request: every outgoing connection",
                    perArch(List.of(""), unused -> "-S connect " + tail)));
        }
        if (events.contains(AuditEvent.COMMAND_EXECUTION)) {
            sections.add(new RulesView.Section("command-execution: every program the server starts",
                    perArch(List.of(""), unused -> "-S execve,execveat " + tail)));
        }
        return new RulesView(Header.of(server), key, sections.stream().filter(s -> !s.rules().isEmpty()).toList());
    }

    private static List<String> perArch(Iterable<String> items, java.util.function.Function<String, String> rule) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            for (String arch : ARCHES) {
                out.add("-a always,exit -F arch=" + arch + " " + rule.apply(item));
            }
        }
        return out;
    }

    /**
     * The path itself, or, when auditctl cannot write it (whitespace), its nearest ancestor that it
     * can: more is recorded for this uid, nothing is missed.
     */
    private static String auditable(ServerContext server, String path, TargetReport report) {
        String candidate = path;
        while (!AuditEscape.expressible(candidate)) {
            int slash = candidate.lastIndexOf('/');
            candidate = slash <= 0 ? "/" : candidate.substring(0, slash);
        }
        if (!candidate.equals(path)) {
            report.approximation(AuditTarget.NAME, server, spanOf(server, path),
                    "auditctl rules cannot name \"" + path + "\" (it holds whitespace); the rule watches \""
                            + candidate + "\" instead, which records more of this server's file access",
                    "a path without spaces can be audited exactly");
        }
        return AuditEscape.value(candidate);
    }

    static Span spanOf(ServerContext server, String path) {
        List<FsRule> rules = server.effective().fs().rules();
        List<Source> sources = server.effective().fsSources();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).path().equals(path)) {
                return sources.get(i).span();
            }
        }
        return server.server().span();
    }
}

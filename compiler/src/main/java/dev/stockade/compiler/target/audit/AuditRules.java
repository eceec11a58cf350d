package dev.stockade.compiler.target.audit;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.escape.AuditEscape;
import dev.stockade.dsl.model.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The kernel half of the audit settings, for the events the kernel can see: one exit rule per x86
 * ABI (a 64-bit host still runs 32-bit system calls, and a rule for one ABI does not see the
 * other), for every system call of the server's kernel events at once, filtered by the server's
 * uid ({@code -F uid=NAME}: auditctl resolves the name when it loads the file) and keyed
 * {@code stockade-<server>}.
 *
 * <p>Two rules per server, whatever its policy. The kernel tries every exit rule, in a list, on
 * every system call that any rule names, for every process on the host; a rule per granted path
 * (the first design, {@code -F dir=PATH}) cost the whole host about 85 ns per rule per call: with
 * the rules of 100 of the benchmark's servers loaded, an {@code open} by an unrelated process took
 * 1.1 ms instead of 1.5 µs (docs/performance.md, "Generated audit cost"). A rule by user records
 * every such call the server makes, under granted and denied paths and elsewhere: more than the
 * policy's paths, nothing missed.
 */
final class AuditRules {

    static final List<String> ARCHES = List.of("b64", "b32");
    /**
     * Calls that open, create, truncate, remove, rename, link, or change the mode, owner or
     * extended attributes of a file by path (a descriptor comes from an {@code open}, which is
     * recorded).
     */
    static final String FILE_CALLS = "open,openat,openat2,creat,truncate,unlink,unlinkat,rename,renameat,renameat2,"
            + "mkdir,mkdirat,rmdir,link,linkat,symlink,symlinkat,chmod,fchmodat,chown,fchownat,lchown,"
            + "setxattr,lsetxattr,removexattr,lremovexattr";
    /** What {@link #FILE_CALLS} records, in words: the rules file's comment and the settings file say it alike. */
    static final String FILE_ACCESS_RECORDS = "opens, creations, truncations, removals, renames, links, mode, owner and"
            + " attribute changes";
    static final String NETWORK_CALLS = "connect";
    static final String COMMAND_CALLS = "execve,execveat";

    private AuditRules() {
    }

    static RulesView of(ServerContext server, Set<AuditEvent> events) {
        String key = AuditTarget.key(server);
        List<String> calls = new ArrayList<>();
        List<String> what = new ArrayList<>();
        if (events.contains(AuditEvent.FILE_ACCESS)) {
            calls.add(FILE_CALLS);
            what.add("file-access (" + FILE_ACCESS_RECORDS + ", on any path)");
        }
        if (events.contains(AuditEvent.NETWORK_REQUEST)) {
            calls.add(NETWORK_CALLS);
            what.add("network-request (every outgoing connection)");
        }
        if (events.contains(AuditEvent.COMMAND_EXECUTION)) {
            calls.add(COMMAND_CALLS);
            what.add("command-execution (every program the server starts)");
        }
        List<RulesView.Section> sections = new ArrayList<>();
        if (!calls.isEmpty()) {
            String rule = "-S " + String.join(",", calls) + " -F uid="
                    + AuditEscape.value(server.effective().identity().user()) + " -k " + AuditEscape.value(key);
            List<String> rules = new ArrayList<>();
            for (String arch : ARCHES) {
                rules.add("-a always,exit -F arch=" + arch + " " + rule);
            }
            sections.add(new RulesView.Section(String.join("; ", what)
                    + ": by the server's user, one rule per ABI for all of them", rules));
        }
        return new RulesView(Header.of(server), key, sections);
    }
}

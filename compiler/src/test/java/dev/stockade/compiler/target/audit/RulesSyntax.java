package dev.stockade.compiler.target.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reading of the rules Stockade writes, for hosts where auditctl cannot load them: every
 * line is a comment or an exit rule of exactly this shape, with known x86 system call names, a
 * uid filter and the server's key; nothing that flushes or reconfigures the audit system.
 */
final class RulesSyntax {

    private static final Pattern RULE = Pattern.compile("-a always,exit -F arch=(?<arch>b64|b32)"
            + " -S (?<calls>[a-z0-9]+(?:,[a-z0-9]+)*)"
            + " -F uid=[a-z][a-z0-9-]{0,31} -k stockade-[a-z][a-z0-9-]{0,62}");
    private static final Set<String> CALLS = Set.of("open", "openat", "openat2", "creat", "truncate", "unlink",
            "unlinkat", "rename", "renameat", "renameat2", "mkdir", "mkdirat", "rmdir", "link", "linkat", "symlink", "symlinkat",
            "chmod", "fchmodat", "chown", "fchownat", "lchown", "setxattr", "lsetxattr", "removexattr", "lremovexattr",
            "connect", "execve", "execveat");

    private RulesSyntax() {
    }

    static void check(String rules) {
        List<String> arches = new ArrayList<>();
        for (String line : rules.split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher rule = RULE.matcher(line);
            assertThat(rule.matches()).as("an auditctl exit rule: %s", line).isTrue();
            assertThat(CALLS).as("system calls of %s", line).containsAll(Set.of(rule.group("calls").split(",")));
            arches.add(rule.group("arch"));
        }
        // Two rules at most, whatever the policy: the kernel tries every exit rule on every call of
        // every process on the host (docs/performance.md, "Generated audit cost").
        assertThat(arches).as("one rule per ABI, or none").isIn(List.of(), List.of("b64", "b32"));
    }
}

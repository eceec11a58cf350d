package dev.stockade.compiler.target.probe;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.Access;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.effective.Origin;
import dev.stockade.dsl.model.FsMode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The filesystem and environment checks: what must hold at each named path and the standing sensitive ones. */
final class FsChecks {

    /** Credential stores no server may read, whatever its policy names (unless it grants them). */
    static final List<String> SENSITIVE = List.of("/etc/shadow", "/etc/gshadow", "/root/.ssh", "/var/run/docker.sock",
            "/run/docker.sock", "/run/containerd/containerd.sock", "/run/podman/podman.sock");

    private FsChecks() {
    }

    static void add(ServerContext server, ProbeChecks out) {
        EffectivePolicy policy = server.effective();
        Map<String, String> roles = roles(policy);
        Set<String> hidden = new LinkedHashSet<>();
        for (FsEntry entry : policy.fs().entries()) {
            Access access = entry.access();
            String path = entry.path();
            String role = roles.getOrDefault(path, "");
            if (access.isDenied()) {
                hidden.add(path);
                out.add("not_readable", "denied " + path + " is not readable", path);
                continue;
            }
            if (access.allows(FsMode.READ)) {
                out.add("readable", role + " " + path + " is readable", path);
            }
            if (access.allows(FsMode.WRITE)) {
                out.add("writable", role + " " + path + " is writable", path);
            } else {
                if (access.allows(FsMode.APPEND)) {
                    out.add("appendable", role + " " + path + " can be appended to", path);
                }
                out.add("not_writable", role + " " + path + " is not writable", path);
            }
            if (access.allows(FsMode.EXECUTE)) {
                out.add("executable", role + " " + path + " is executable", path);
            }
        }
        for (String path : SENSITIVE) {
            if (!hidden.contains(path) && !policy.modeOf(path).allows(FsMode.READ)) {
                out.add("not_readable", "sensitive " + path + " is not readable", path);
            }
        }
        out.add("home_ssh_not_readable", "the user's ~/.ssh is not readable");
        out.add("environ_only_allowed", "/proc/self/environ holds only declared variables", "/proc/self/environ");
        out.add("environ_only_allowed", "/proc/1/environ holds only declared variables", "/proc/1/environ");
    }

    /**
     * What the probe calls each named path: the grants that name it, or the code it holds, in rule
     * order (one pass over the rules, not one per path).
     */
    private static Map<String, String> roles(EffectivePolicy policy) {
        List<FsRule> rules = policy.fs().rules();
        Map<String, Set<String>> byPath = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Origin origin = policy.fsSources().get(i).origin();
            String role = origin == Origin.STATEMENT ? rules.get(i).mode().keyword() + " grant"
                    : origin.name().toLowerCase(java.util.Locale.ROOT);
            byPath.computeIfAbsent(rules.get(i).path(), p -> new LinkedHashSet<>()).add(role);
        }
        Map<String, String> out = new HashMap<>();
        byPath.forEach((path, roles) -> out.put(path, String.join(", ", roles)));
        return out;
    }
}

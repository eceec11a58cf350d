package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code fs-sensitive-path}: a grant at or below a credential store or a container runtime socket. */
public final class FsSensitivePath implements ServerRule {

    private static final Set<String> SECRET_SEGMENTS = Set.of(".env", ".ssh", ".aws", ".gnupg", ".kube", ".docker",
            ".netrc", ".npmrc", ".pypirc", "docker.sock", "containerd.sock", "podman.sock");
    private static final List<String> SECRET_FILES = List.of("/etc/shadow", "/etc/gshadow", "/etc/sudoers",
            "/etc/sudoers.d");

    @Override
    public RuleInfo info() {
        return RuleCatalog.FS_SENSITIVE_PATH;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        ModelGrants.of(server.server()).forEach(grant -> sensitivePart(grant.path().value()).ifPresent(part ->
                findings.report(info(), server, grant.path().span(),
                        grant.mode().keyword() + " grant of \"" + grant.path().value() + "\" reaches the credential store \""
                                + part + "\"",
                        "pass the credential through secrets { env NAME } or vault instead, and deny \"" + part + "\"")));
    }

    /** The credential store the path is at or below, if any. */
    static Optional<String> sensitivePart(String path) {
        for (String file : SECRET_FILES) {
            if (path.equals(file) || path.startsWith(file + "/")) {
                return Optional.of(file);
            }
        }
        String[] segments = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            prefix.append('/').append(segments[i]);
            String segment = segments[i];
            boolean envFile = segment.equals(".env") || segment.startsWith(".env.");
            if (envFile || SECRET_SEGMENTS.contains(segment)) {
                return Optional.of(prefix.toString());
            }
            boolean procEnviron = i == 3 && segments[1].equals("proc") && segment.equals("environ");
            if (procEnviron) {
                return Optional.of(prefix.toString());
            }
        }
        return Optional.empty();
    }
}

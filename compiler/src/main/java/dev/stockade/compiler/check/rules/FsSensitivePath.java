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
        for (ModelGrants grant : ModelGrants.of(server.server())) {
            sensitivePart(grant.path().value()).ifPresent(part -> findings.report(info(), server, grant.path().span(),
                    grant.mode().keyword() + " grant of \"" + grant.path().value() + "\" reaches the credential store \""
                            + part + "\"",
                    "pass the credential through secrets { env NAME } or vault instead, and deny \"" + part + "\""));
        }
    }

    /** The credential store the path is at or below, if any. */
    static Optional<String> sensitivePart(String path) {
        for (String file : SECRET_FILES) {
            if (path.startsWith(file) && (path.length() == file.length() || path.charAt(file.length()) == '/')) {
                return Optional.of(file);
            }
        }
        // The segments after the first (empty in an absolute path), read in place: every grant of
        // every server passes here. The part named is "/" and the segments up to the sensitive one.
        int first = path.indexOf('/');
        if (first < 0) {
            return Optional.empty();
        }
        String second = null;
        int start = first + 1;
        for (int index = 1; start <= path.length(); index++) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String segment = path.substring(start, end);
            if (index == 1) {
                second = segment;
            }
            boolean envFile = segment.equals(".env") || segment.startsWith(".env.");
            boolean procEnviron = index == 3 && second.equals("proc") && segment.equals("environ");
            if (envFile || procEnviron || SECRET_SEGMENTS.contains(segment)) {
                return Optional.of("/" + path.substring(first + 1, end));
            }
            start = end + 1;
        }
        return Optional.empty();
    }
}

package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.model.Count;
import dev.stockade.dsl.model.Name;
import java.util.Optional;

/**
 * {@code user-root}: the server runs as root (user or group {@code root} or {@code 0}, or a
 * {@code kubernetes} {@code run-as-user 0} or {@code run-as-group 0}).
 */
public final class UserRoot implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.USER_ROOT;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        report(server, findings, server.server().user(), "user");
        report(server, findings, server.server().group(), "group");
        server.server().kubernetes().ifPresent(k -> {
            k.runAsUser().ifPresent(id -> kubernetes(server, findings, id, "run-as-user", "uid"));
            k.runAsGroup().ifPresent(id -> kubernetes(server, findings, id, "run-as-group", "gid"));
        });
    }

    /** {@code run-as-user 0} or {@code run-as-group 0}: the pod would run as root (and runAsNonRoot refuses uid 0). */
    private void kubernetes(ServerContext server, Findings findings, Count id, String keyword, String what) {
        if (id.value() == 0) {
            findings.report(info(), server, id.span(), "the pod runs as " + what + " 0 (root): " + keyword + " 0",
                    "use a " + what + " of its own, e.g. " + keyword + " 65532, the nonroot user of distroless images");
        }
    }

    private void report(ServerContext server, Findings findings, Optional<Name> name, String what) {
        name.filter(n -> n.value().equals("root") || n.value().equals("0")).ifPresent(n ->
                findings.report(info(), server, n.span(), "the server runs as " + what + " " + n.value(),
                        "run it as a dedicated " + what + ", e.g. " + what + " " + server.name()));
    }
}

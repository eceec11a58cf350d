package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.FleetRule;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.source.Span;
import java.util.List;

/**
 * {@code user-shared}: two servers run as the same OS user, so uid-keyed firewall rules and file
 * ownership would merge their grants. Judged on the effective user: two servers that default to
 * their own names never clash.
 */
public final class UserShared implements FleetRule<String> {

    @Override
    public RuleInfo info() {
        return RuleCatalog.USER_SHARED;
    }

    /** The effective user. */
    @Override
    public String summary(ServerContext server) {
        return server.effective().identity().user();
    }

    @Override
    public void check(List<ServerContext> servers, List<String> users, Findings findings) {
        FleetRule.repeats(servers, users, (server, user, earlier) -> {
            if (user.equals("root") || user.equals("0")) {
                return;
            }
            Span span = server.server().user().map(n -> n.span()).orElse(server.server().name().span());
            findings.report(info(), server, span,
                    "server \"" + server.name() + "\" runs as user \"" + user + "\" like server \"" + earlier.name() + "\"",
                    "give each server its own user, e.g. user " + server.name());
        });
    }
}

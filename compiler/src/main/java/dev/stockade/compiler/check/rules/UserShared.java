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
public final class UserShared implements FleetRule<UserShared.User> {

    @Override
    public RuleInfo info() {
        return RuleCatalog.USER_SHARED;
    }

    /**
     * The effective user, and where the finding points: the {@code user} statement, else the
     * server's name. Spans take no part in equality, so servers compare by user alone, and the
     * fleet-wide comparison never reads a server's model.
     */
    public record User(String name, Span span) {
    }

    @Override
    public User summary(ServerContext server) {
        Span span = server.server().user().map(n -> n.span()).orElse(server.server().name().span());
        return new User(server.effective().identity().user(), span);
    }

    @Override
    public void check(List<ServerContext> servers, List<User> users, Findings findings) {
        FleetRule.repeats(servers, users, (server, user, earlier) -> {
            if (user.name().equals("root") || user.name().equals("0")) {
                return;
            }
            findings.report(info(), server, user.span(),
                    "server \"" + server.name() + "\" runs as user \"" + user.name() + "\" like server \"" + earlier.name() + "\"",
                    "give each server its own user, e.g. user " + server.name());
        });
    }
}

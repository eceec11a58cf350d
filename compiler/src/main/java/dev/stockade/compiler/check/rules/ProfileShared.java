package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.FleetRule;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * {@code profile-shared}: two servers have identical effective grants (filesystem and network,
 * compared as resolved, not as written): one generic profile serving different jobs, so neither
 * is least-privileged for its own. Servers that grant nothing beyond their own code are not compared.
 */
public final class ProfileShared implements FleetRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.PROFILE_SHARED;
    }

    @Override
    public void check(List<ServerContext> servers, Findings findings) {
        Map<String, ServerContext> first = new HashMap<>();
        for (ServerContext server : servers) {
            String profile = profile(server.effective());
            if (profile.isEmpty()) {
                continue;
            }
            ServerContext earlier = first.putIfAbsent(profile, server);
            // A second server of the same name is a duplicate-server error already.
            if (earlier != null && !earlier.name().equals(server.name())) {
                findings.report(info(), server, server.server().name().span(),
                        "server \"" + server.name() + "\" has the same grants as server \"" + earlier.name() + "\"",
                        "grant each server only what its own job needs");
            }
        }
    }

    /** A canonical text of the written grants' meaning; empty when the server grants nothing itself. */
    static String profile(EffectivePolicy effective) {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < effective.fs().rules().size(); i++) {
            if (!effective.fsSources().get(i).implied()) {
                written.add(effective.fs().rules().get(i).path());
            }
        }
        StringBuilder out = new StringBuilder();
        for (FsEntry entry : effective.fs().entries()) {
            if (written.contains(entry.path())) {
                out.append("fs ").append(entry.path()).append(' ').append(entry.access()).append('\n');
            }
        }
        for (NetGrant grant : effective.network().effective()) {
            out.append("net ").append(grant.protocol()).append(' ').append(grant.addresses()).append(' ')
                    .append(grant.ports()).append('\n');
        }
        return out.toString();
    }
}

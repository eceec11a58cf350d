package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.FleetRule;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code profile-shared}: two servers have identical effective grants (filesystem and network,
 * compared as resolved, not as written): one generic profile serving different jobs, so neither
 * is least-privileged for its own. Servers that grant nothing beyond their own code are not compared.
 */
public final class ProfileShared implements FleetRule<String> {

    @Override
    public RuleInfo info() {
        return RuleCatalog.PROFILE_SHARED;
    }

    /**
     * The SHA-256 of the server's profile (see {@link #profile}), empty when it grants nothing
     * itself: a few KiB of text per server become 32 bytes while the fleet is checked, and two
     * different profiles with one digest is not a risk worth holding the text for.
     */
    @Override
    public String summary(ServerContext server) {
        String profile = profile(server.effective());
        if (profile.isEmpty()) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(profile.getBytes(StandardCharsets.UTF_8));
            return new String(digest, StandardCharsets.ISO_8859_1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public void check(List<ServerContext> servers, List<String> profiles, Findings findings) {
        Map<String, ServerContext> first = new HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            ServerContext server = servers.get(i);
            String profile = profiles.get(i);
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

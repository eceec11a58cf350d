package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.FleetRule;
import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * {@code profile-shared}: two servers have identical effective grants (filesystem and network,
 * compared as resolved, not as written): one generic profile serving different jobs, so neither
 * is least-privileged for its own. Servers that grant nothing beyond their own code are not compared.
 */
public final class ProfileShared implements FleetRule<ProfileShared.Profile> {

    @Override
    public RuleInfo info() {
        return RuleCatalog.PROFILE_SHARED;
    }

    /**
     * The server's profile (see {@link #profile}), kept as its digest: the fleet's summaries are held
     * until the fleet is compared, and in a streamed compile that is the whole compile.
     */
    @Override
    public Profile summary(ServerContext server) {
        return profile(server.effective(), server.server().name().span());
    }

    @Override
    public void check(List<ServerContext> servers, List<Profile> profiles, Findings findings) {
        FleetRule.repeats(servers, profiles, (server, profile, earlier) -> {
            if (!profile.isEmpty()) {
                findings.report(info(), server, profile.name(),
                        "server \"" + server.name() + "\" has the same grants as server \"" + earlier.name() + "\"",
                        "grant each server only what its own job needs");
            }
        });
    }

    /**
     * The written grants' meaning, as a SHA-256 of their canonical form ({@link ProfileDigest}): the
     * access of every path a statement names (in the trie's order) and the effective network grants.
     * Both are canonical values, so equal profiles mean equal grants, whatever statements wrote them,
     * and equal digests mean equal profiles (a collision of SHA-256 aside). {@code name} is where the
     * server's name is written, for the finding: like every span it takes no part in equality, and
     * with it the fleet-wide comparison never reads a server's model. An empty profile (the server
     * grants nothing itself) has no digest.
     */
    public record Profile(ProfileDigest digest, Span name) {

        /** True when the server grants nothing itself. */
        boolean isEmpty() {
            return digest == null;
        }
    }

    static Profile profile(EffectivePolicy effective, Span name) {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < effective.fs().rules().size(); i++) {
            if (!effective.fsSources().get(i).implied()) {
                written.add(effective.fs().rules().get(i).path());
            }
        }
        List<FsEntry> fs = new ArrayList<>();
        for (FsEntry entry : effective.fs().entries()) {
            if (written.contains(entry.path())) {
                fs.add(entry);
            }
        }
        List<NetGrant> net = effective.network().effective();
        return new Profile(fs.isEmpty() && net.isEmpty() ? null : ProfileDigest.of(fs, net), name);
    }
}

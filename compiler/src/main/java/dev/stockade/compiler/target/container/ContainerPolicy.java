package dev.stockade.compiler.target.container;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.compiler.effective.FsGrants;
import dev.stockade.compiler.effective.FsRule;
import dev.stockade.compiler.effective.NetworkGrants;
import dev.stockade.compiler.effective.Origin;
import dev.stockade.compiler.effective.Source;
import dev.stockade.dsl.model.Secrets;
import dev.stockade.dsl.model.Vault;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the container targets (Kubernetes, compose) read from an effective policy, beyond what
 * every target reads: a container brings its own code and runtime in its image, so the grants the
 * language implies for the command and workdir are not mounted from the host, and the resolver and
 * loopback are the container platform's own (cluster DNS, the pod's or container's loopback).
 */
public final class ContainerPolicy {

    /**
     * The uid and gid a container runs as: the language has no numeric identity yet, and a name
     * would have to exist in the image's /etc/passwd. 65532 is the "nonroot" user of the
     * distroless and Chainguard base images, and no system account on common distributions.
     */
    public static final int DEFAULT_UID = 65532;

    private ContainerPolicy() {
    }

    /** The network grants written as {@code allow} and {@code deny} statements, without DNS and loopback. */
    public static NetworkGrants statementNetwork(EffectivePolicy policy) {
        return grants(policy, origin -> origin == Origin.STATEMENT);
    }

    /** The network grants without loopback: what leaves a container's own network namespace. */
    public static NetworkGrants withoutLoopback(EffectivePolicy policy) {
        return grants(policy, origin -> origin != Origin.LOOPBACK);
    }

    /**
     * The grants of the policy's rules whose origin {@code keep} accepts, in their order: the
     * policy's own less the others ({@link NetworkGrants#without}, which sweeps again only inside
     * the prefixes of the rules left out), the policy's own when none is (a server without
     * {@code dns} or {@code loopback}).
     */
    private static NetworkGrants grants(EffectivePolicy policy, Predicate<Origin> keep) {
        BitSet leftOut = new BitSet();
        int rules = policy.network().rules().size();
        for (int i = 0; i < rules; i++) {
            if (!keep.test(policy.netSources().get(i).origin())) {
                leftOut.set(i);
            }
        }
        return policy.network().without(leftOut);
    }

    private static final ServerContext.Derived<FsGrants> STATEMENT_FILESYSTEM =
            new ServerContext.Derived<>(ContainerPolicy::statementFilesystem);
    private static final ServerContext.Derived<Map<String, Span>> STATEMENT_SPANS =
            new ServerContext.Derived<>(ContainerPolicy::statementSpans);

    /** {@link #statementFilesystem(EffectivePolicy)}, once per server for every container target. */
    public static FsGrants statementFilesystem(ServerContext server) {
        return server.derive(STATEMENT_FILESYSTEM);
    }

    /** {@link #statementSpans(EffectivePolicy)}, once per server for every container target. */
    public static Map<String, Span> statementSpans(ServerContext server) {
        return server.derive(STATEMENT_SPANS);
    }

    /** The filesystem as the statements alone decide it (the image holds the command and workdir). */
    public static FsGrants statementFilesystem(EffectivePolicy policy) {
        List<FsRule> rules = new ArrayList<>();
        forEachStatement(policy, (rule, source) -> rules.add(rule));
        return FsGrants.of(rules);
    }

    /** Where each path of {@link #statementFilesystem} was first written, for diagnostics. */
    public static Map<String, Span> statementSpans(EffectivePolicy policy) {
        Map<String, Span> spans = new LinkedHashMap<>();
        forEachStatement(policy, (rule, source) -> spans.putIfAbsent(rule.path(), source.span()));
        return Collections.unmodifiableMap(spans);
    }

    private interface RuleVisitor {
        void visit(FsRule rule, Source source);
    }

    private static void forEachStatement(EffectivePolicy policy, RuleVisitor visitor) {
        List<FsRule> all = policy.fs().rules();
        for (int i = 0; i < all.size(); i++) {
            Source source = policy.fsSources().get(i);
            if (source.origin() == Origin.STATEMENT) {
                visitor.visit(all.get(i), source);
            }
        }
    }

    /** The Vault blocks: neither container target fetches them, the platform must provide the variables. */
    public static List<Vault> vaults(ServerContext server) {
        return server.server().secrets().map(Secrets::vaults).orElse(List.of());
    }
}

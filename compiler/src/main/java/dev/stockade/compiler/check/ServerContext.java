package dev.stockade.compiler.check;

import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.dsl.model.Server;
import java.util.Objects;

/**
 * One server as the rules and targets see it: the model (how it was written) and its effective
 * policy (what it means).
 *
 * <p>The effective policy is resolved on first use and can be {@linkplain #release() released}:
 * the pipeline resolves each server while its chunk is checked, drops it, and resolves it again
 * while its chunk is compiled, so a large fleet never holds every server's resolved policy at once.
 * Resolving is pure, so a released policy comes back identical. One context is used by one thread at
 * a time (a chunk of servers belongs to one worker).
 */
public final class ServerContext {

    private final Server server;
    private volatile EffectivePolicy effective;

    /** A server whose effective policy is resolved when first needed. */
    public ServerContext(Server server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    /** A server with its effective policy already resolved. */
    public ServerContext(Server server, EffectivePolicy effective) {
        this(server);
        this.effective = Objects.requireNonNull(effective, "effective");
    }

    public Server server() {
        return server;
    }

    /** The effective policy, resolved now if it is not held. */
    public EffectivePolicy effective() {
        EffectivePolicy held = effective;
        if (held == null) {
            held = EffectivePolicy.resolve(server);
            effective = held;
        }
        return held;
    }

    /** Drops the resolved policy; the next {@link #effective()} resolves it again. */
    public void release() {
        effective = null;
    }

    /** Whether the effective policy is held now (what the pipeline's memory bound rests on). */
    public boolean resolved() {
        return effective != null;
    }

    public String name() {
        return server.name().value();
    }

    @Override
    public String toString() {
        return "ServerContext[" + name() + "]";
    }
}

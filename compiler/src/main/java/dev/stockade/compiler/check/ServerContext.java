package dev.stockade.compiler.check;

import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.dsl.model.Server;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One server as the rules and targets see it: the model (how it was written) and its effective
 * policy (what it means).
 *
 * <p>The effective policy is resolved on first use and can be {@linkplain #release() released}:
 * the pipeline resolves each server while its chunk is checked, drops it, and resolves it again
 * while its chunk is compiled, so a large fleet never holds every server's resolved policy at once.
 * Resolving is pure, so a released policy comes back identical. One context is used by one thread at
 * a time (a chunk of servers belongs to one worker).
 *
 * <p>A streamed compile goes further and {@linkplain #retire() retires} each server once every
 * target has seen it: the model goes too, and only the name and the file stay (what a fleet
 * target's merge and the headers of its files need). Nothing may read a retired server's model or
 * policy again; trying to is a bug and fails loudly.
 */
public final class ServerContext {

    private final String name;
    private final String file;
    private volatile Server server;
    private volatile EffectivePolicy effective;
    private volatile Map<Derived<?>, Object> derived;

    /**
     * A view of the effective policy that several targets use (the filesystem as the statements
     * alone decide it, say): computed once per server, while its effective policy is held.
     *
     * @param <T> the view
     */
    public static final class Derived<T> {
        private final Function<EffectivePolicy, T> compute;

        public Derived(Function<EffectivePolicy, T> compute) {
            this.compute = Objects.requireNonNull(compute, "compute");
        }
    }

    /** A server whose effective policy is resolved when first needed. */
    public ServerContext(Server server) {
        this.server = Objects.requireNonNull(server, "server");
        this.name = server.name().value();
        this.file = server.span().file();
    }

    /** A server with its effective policy already resolved. */
    public ServerContext(Server server, EffectivePolicy effective) {
        this(server);
        this.effective = Objects.requireNonNull(effective, "effective");
    }

    /** The model, as it was written. */
    public Server server() {
        Server held = server;
        if (held == null) {
            throw new IllegalStateException("server " + name + " was retired once its artifacts were made; "
                    + "its model cannot be read after that");
        }
        return held;
    }

    /** The effective policy, resolved now if it is not held. */
    public EffectivePolicy effective() {
        EffectivePolicy held = effective;
        if (held == null) {
            held = EffectivePolicy.resolve(server());
            effective = held;
        }
        return held;
    }

    /** {@code view} of the effective policy, computed on first use and kept until {@link #release()}. */
    @SuppressWarnings("unchecked")
    public <T> T derive(Derived<T> view) {
        Map<Derived<?>, Object> held = derived;
        if (held == null) {
            held = new ConcurrentHashMap<>();
            derived = held;
        }
        Object value = held.get(view);
        if (value == null) {
            value = view.compute.apply(effective());
            held.put(view, value);
        }
        return (T) value;
    }

    /** Drops the resolved policy and its derived views; the next {@link #effective()} resolves it again. */
    public void release() {
        effective = null;
        derived = null;
    }

    /**
     * Drops the model as well as the resolved policy: only {@link #name()} and {@link #file()} are
     * left. For a streamed compile, whose caller never sees the model, once every target has seen
     * the server.
     */
    public void retire() {
        release();
        server = null;
    }

    /** Whether the model is gone ({@link #retire()}). */
    public boolean retired() {
        return server == null;
    }

    /** Whether the effective policy is held now (what the pipeline's memory bound rests on). */
    public boolean resolved() {
        return effective != null;
    }

    public String name() {
        return name;
    }

    /** The policy file the server is written in, as its spans name it. */
    public String file() {
        return file;
    }

    @Override
    public String toString() {
        return "ServerContext[" + name() + "]";
    }
}

package dev.stockade.compiler.check;

import dev.stockade.compiler.effective.EffectivePolicy;
import dev.stockade.dsl.model.Server;

/** One server as the rules see it: the model (how it was written) and its effective policy (what it means). */
public record ServerContext(Server server, EffectivePolicy effective) {

    public String name() {
        return server.name().value();
    }
}

package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Audit;
import dev.stockade.dsl.model.Limits;
import dev.stockade.dsl.model.Runtime;
import dev.stockade.dsl.model.RuntimeDecl;
import dev.stockade.dsl.model.Secrets;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * What one server's policy means, resolved once and read by every check and every target:
 * its identity, its own code, the filesystem by most specific wins (with the implied grants), the
 * network by longest prefix wins (with the resolver and loopback ports), and the settings blocks.
 *
 * <p>{@code fsSources} and {@code netSources} run parallel to {@code fs.rules()} and
 * {@code network.rules()}: index {@code i} tells where rule {@code i} was written.
 */
public record EffectivePolicy(
        String server,
        Identity identity,
        Runtime runtime,
        CodePaths code,
        FsGrants fs,
        List<Source> fsSources,
        NetworkGrants network,
        List<Source> netSources,
        Optional<Cidr> dns,
        Ports loopback,
        Optional<Secrets> secrets,
        Optional<Limits> limits,
        Optional<Audit> audit) {

    public EffectivePolicy {
        fsSources = List.copyOf(fsSources);
        netSources = List.copyOf(netSources);
    }

    public static EffectivePolicy resolve(Server server) {
        String name = server.name().value();
        String user = server.user().map(n -> n.value()).orElse(name);
        String group = server.group().map(n -> n.value()).orElse(user);
        Runtime runtime = server.runtime().map(RuntimeDecl::kind).orElse(Runtime.NATIVE);
        CodePaths code = CodePaths.of(server);
        FsResolver fs = FsResolver.resolve(server, code);
        NetResolver net = NetResolver.resolve(server);
        return new EffectivePolicy(name, new Identity(user, group), runtime, code, fs.grants(), fs.sources(),
                net.grants(), net.sources(), net.dns(), net.loopback(), server.secrets(), server.limits(),
                server.audit());
    }

    /** The public query: may this server open {@code protocol} to {@code address:port}? */
    public boolean mayReach(Protocol protocol, Ip address, int port) {
        return network.mayReach(protocol, address, port);
    }

    /** The public query: what may this server do at {@code path}? Empty access means denied. */
    public Access modeOf(String path) {
        return fs.modeOf(path);
    }

    /** True when the server may open no connection at all. */
    public boolean networkNone() {
        return network.effective().isEmpty();
    }
}

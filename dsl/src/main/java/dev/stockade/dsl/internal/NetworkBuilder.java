package dev.stockade.dsl.internal;

import dev.stockade.dsl.diagnostic.Suggestions;
import dev.stockade.dsl.internal.antlr.StockadeParser.AllowStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.DnsStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.LoopbackStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.NetDenyStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.NetStmtContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.NetworkBlockContext;
import dev.stockade.dsl.internal.antlr.StockadeParser.UnknownNetStmtContext;
import dev.stockade.dsl.model.Address;
import dev.stockade.dsl.model.Dns;
import dev.stockade.dsl.model.Keyword;
import dev.stockade.dsl.model.Loopback;
import dev.stockade.dsl.model.NetAllow;
import dev.stockade.dsl.model.NetDeny;
import dev.stockade.dsl.model.Network;
import dev.stockade.dsl.model.NetworkNone;
import dev.stockade.dsl.model.NetworkRules;
import dev.stockade.dsl.model.PortSet;
import dev.stockade.dsl.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code network { ... }}; an empty block means {@code network none}. */
final class NetworkBuilder extends BuilderBase {

    NetworkBuilder(String file, Sink sink, boolean recovered) {
        super(file, sink, recovered);
    }

    Network build(NetworkBlockContext ctx) {
        List<NetAllow> allows = new ArrayList<>();
        List<NetDeny> denies = new ArrayList<>();
        Optional<Dns> dns = Optional.empty();
        Optional<Loopback> loopback = Optional.empty();
        Once once = new Once("network");
        requireSeparators(ctx.netBody());
        List<NetStmtContext> statements = ctx.netBody().netStmt();
        for (NetStmtContext stmt : statements) {
            if (broken(stmt)) {
                continue;
            }
            if (stmt instanceof UnknownNetStmtContext u) {
                unknown(u.unknownStmt(), "network");
            }
            if (stmt instanceof AllowStmtContext allow) {
                Optional<Protocol> protocol = protocol(allow);
                Optional<Address> address = address(allow.address());
                Optional<PortSet> ports = ports(allow.ports());
                if (protocol.isPresent() && address.isPresent() && ports.isPresent()) {
                    allows.add(new NetAllow(protocol.get(), address.get(), ports.get(), span(allow)));
                }
            } else if (stmt instanceof NetDenyStmtContext deny) {
                address(deny.address()).ifPresent(a -> denies.add(new NetDeny(a, span(deny))));
            } else if (stmt instanceof DnsStmtContext resolver) {
                dns = once.keep("dns", resolver, dns, () -> address(resolver.address()).map(a -> new Dns(a, span(resolver))));
            } else if (stmt instanceof LoopbackStmtContext lo) {
                loopback = once.keep("loopback", lo, loopback, () -> ports(lo.ports()).map(p -> new Loopback(p, span(lo))));
            }
        }
        if (statements.isEmpty()) {
            return new NetworkNone(span(ctx));
        }
        return new NetworkRules(allows, denies, dns, loopback, span(ctx));
    }

    private Optional<Protocol> protocol(AllowStmtContext allow) {
        String word = allow.protocol().getText();
        Optional<Protocol> protocol = Keyword.parse(Protocol.class, word);
        if (protocol.isEmpty()) {
            String suggestion = Suggestions.closest(word, List.of("tcp", "udp"))
                    .map(s -> "did you mean " + Quote.of(s) + "? ").orElse("");
            sink.error("syntax", span(allow.protocol()), "unknown protocol " + Quote.of(word),
                    suggestion + "write tcp or udp");
        }
        return protocol;
    }
}

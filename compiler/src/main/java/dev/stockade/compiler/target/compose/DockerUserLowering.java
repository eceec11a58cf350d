package dev.stockade.compiler.target.compose;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.WideChains;
import dev.stockade.compiler.target.escape.CommentEscape;
import dev.stockade.compiler.target.escape.NetfilterEscape;
import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.dsl.model.Ip;
import dev.stockade.dsl.model.PortRange;
import dev.stockade.dsl.model.Protocol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The egress filter of one compose service. Docker sends every packet a container forwards through
 * the {@code DOCKER-USER} chain and leaves that chain to the administrator; packets to the host's
 * own addresses go through {@code INPUT}. Both jump to one Stockade chain per server, which lets
 * through only packets from the server's static address to the granted destinations (the effective
 * policy without loopback, denies subtracted) and rejects the rest from that address. The chain is
 * named {@code STKC-} and 10 hex digits of the SHA-256 of the server name (iptables allows 28
 * characters), apart from the netfilter target's {@code STK-} chains.
 *
 * <p>A wide grant (its prefixes times its port matches more than {@link WideChains#ABOVE} rules) is
 * written as its prefixes and its port matches in chains of its own, after every other rule, as
 * the netfilter target's iptables files do ({@link WideChains}: {@code STKC-...-T00001},
 * {@code STKC-...-W00001} and on).
 */
final class DockerUserLowering {

    private static final int MULTIPORT_SLOTS = 15;

    private DockerUserLowering() {
    }

    static String chain(String server) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(server.getBytes(StandardCharsets.UTF_8));
            return "STKC-" + HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static DockerUserView lower(ServerContext server, List<NetGrant> grants, Ip address, String path) {
        boolean v6 = address.v6();
        String tool = v6 ? "ip6tables" : "iptables";
        String chain = chain(server.name());
        String source = address.text() + "/" + address.bits();
        String jumps = Stream.of("DOCKER-USER", "INPUT")
                .map(from -> "{ " + tool + " -C " + from + " -j " + chain + " 2>/dev/null || "
                        + tool + " -I " + from + " 1 -j " + chain + "; }")
                .reduce((a, b) -> a + " && " + b).orElseThrow();
        String load = tool + "-restore --noflush " + ShellEscape.word(path) + " && " + jumps;
        String rejectWith = v6 ? "icmp6-adm-prohibited" : "icmp-admin-prohibited";
        List<NetGrant> narrow = new ArrayList<>();
        List<WideChains.Grant> wideGrants = new ArrayList<>();
        for (NetGrant grant : grants) {
            List<Cidr> prefixes = (v6 ? grant.addresses().v6() : grant.addresses().v4()).toPrefixes();
            List<String> matches = portMatches(grant.protocol(), grant.ports().toRanges());
            if (!WideChains.wide(prefixes.size(), matches.size())) {
                narrow.add(grant);
                continue;
            }
            wideGrants.add(WideChains.Grant.of(prefixes.stream().map(prefix -> destination(prefix, grant)).toList(),
                    grant.protocol().keyword(), matches));
        }
        List<WideChains.Chain> wide = WideChains.of(chain, wideGrants, rejectWith);
        String remove = tool + " -D DOCKER-USER -j " + chain + " && " + tool + " -D INPUT -j " + chain + " && " + tool + " -F " + chain
                + WideChains.andEach(tool, chain, wide, "-F")
                + " && " + tool + " -X " + chain
                + WideChains.andEach(tool, chain, wide, "-X");
        List<String> about = Stream.of(
                "What compose service " + server.name() + " (address " + address.text() + ") may reach over "
                        + (v6 ? "IPv6" : "IPv4") + ": compose itself cannot filter egress.",
                "Docker creates DOCKER-USER and never changes it; Stockade's chain is jumped to from there (forwarded",
                "packets) and from INPUT (packets to the host itself). Other sources RETURN at once; allowed packets",
                "RETURN to Docker's own rules; everything else from the address is rejected. Load after Docker starts.")
                .map(CommentEscape::line).toList();
        return new DockerUserView(Header.of(server), about, load, remove, chain, source,
                NetfilterEscape.comment("stockade compose service " + server.name()), rules(narrow, v6),
                WideChains.entry(chain, wideGrants), wide, rejectWith);
    }

    private static String destination(Cidr prefix, NetGrant grant) {
        return "-d " + prefix.network().text() + "/" + prefix.length() + " -p " + grant.protocol().keyword();
    }

    /** {@code -d PREFIX -p PROTO PORTS}, one per prefix and port chunk, as iptables-save lists them. */
    private static List<String> rules(List<NetGrant> grants, boolean v6) {
        List<String> out = new ArrayList<>();
        for (NetGrant grant : grants) {
            AddressSet family = v6 ? grant.addresses().v6() : grant.addresses().v4();
            List<String> matches = portMatches(grant.protocol(), grant.ports().toRanges());
            for (Cidr prefix : family.toPrefixes()) {
                for (String ports : matches) {
                    out.add(destination(prefix, grant) + " " + ports);
                }
            }
        }
        return out;
    }

    /** {@code -m tcp --dport P} for one range, else multiport chunks of at most 15 slots (a range is 2). */
    private static List<String> portMatches(Protocol protocol, List<PortRange> ranges) {
        if (ranges.size() == 1) {
            return List.of("-m " + protocol.keyword() + " --dport " + text(ranges.get(0)));
        }
        List<String> out = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int slots = 0;
        for (PortRange range : ranges) {
            int weight = range.low() == range.high() ? 1 : 2;
            if (slots + weight > MULTIPORT_SLOTS) {
                out.add("-m multiport --dports " + String.join(",", chunk));
                chunk.clear();
                slots = 0;
            }
            chunk.add(text(range));
            slots += weight;
        }
        out.add("-m multiport --dports " + String.join(",", chunk));
        return out;
    }

    private static String text(PortRange range) {
        return range.low() == range.high() ? Integer.toString(range.low()) : range.low() + ":" + range.high();
    }
}

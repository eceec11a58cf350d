package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.Ports;
import dev.stockade.compiler.target.Header;
import dev.stockade.compiler.target.escape.NetfilterEscape;
import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.dsl.model.PortRange;
import java.util.ArrayList;
import java.util.List;

/**
 * One server's nft file. Every server shares one table, {@code inet stockade} (IPv4 and IPv6 in one
 * chain), whose output chain accepts established traffic first and then dispatches new connections
 * on the socket's uid through one verdict map, {@code dispatch}: O(1) in the number of servers. The
 * file owns one element of that map (its user, jumping to its chain) and one chain,
 * {@code egress-SERVER}: one rule per effective grant and family with anonymous sets of address
 * ranges and ports, written as {@code nft list ruleset} lists them (elements in address order, a
 * range that is one prefix as that prefix, a single element without braces), then the reject.
 */
final class NftLowering {

    private NftLowering() {
    }

    static NftView lower(ServerContext server, String artifactPath) {
        NetfilterNames names = NetfilterNames.of(server.name());
        String user = NetfilterEscape.word(server.effective().identity().user());
        String table = NetfilterNames.NFT_TABLE;
        String map = NetfilterNames.NFT_MAP;
        String chain = NetfilterEscape.word(names.nftChain());
        String comment = NetfilterEscape.comment("stockade server " + server.name());
        List<String> about = EgressLowering.comments(
                "The IPv4 and IPv6 egress of user " + user + " (server " + server.name() + "): only what the policy allows.",
                "Table inet " + table + " is Stockade's and shared by every server: its output chain accepts established",
                "traffic, then looks the socket's uid up in map " + map + " (one lookup, however many servers).",
                "This file owns the element of user " + user + " and chain " + chain + ", and replaces them and nothing else,",
                "in one transaction. Allowed connections are accepted in this table only, so the host's own tables",
                "still apply; everything else from this user is rejected as administratively prohibited.",
                "The user must exist before loading (systemd-sysusers creates it): the name is resolved once.");
        String load = "nft -f " + ShellEscape.word(artifactPath);
        String element = "element inet " + table + " " + map + " { \"" + user + "\" }";
        String remove = "nft " + ShellEscape.word("delete " + element + "; delete chain inet " + table + " " + chain);
        String removeAll = "nft delete table inet " + table;
        List<NftView.Rule> rules = new ArrayList<>();
        for (boolean v6 : new boolean[] {false, true}) {
            for (NetGrant grant : EgressLowering.accepts(server.effective(), v6)) {
                rules.add(new NftView.Rule(v6 ? "ip6" : "ip", addresses(grant.addresses()),
                        grant.protocol().keyword(), ports(grant.ports())));
            }
        }
        return new NftView(Header.of(server), about, load, remove, removeAll, table, map, chain, user, comment, rules);
    }

    private static String addresses(AddressSet set) {
        List<String> elements = new ArrayList<>();
        for (IpRange range : set.ranges()) {
            List<Cidr> prefixes = AddressSet.ofRanges(List.of(range)).toPrefixes();
            elements.add(prefixes.size() == 1 ? prefixes.get(0).text() : range.first().text() + "-" + range.last().text());
        }
        return set(elements);
    }

    private static String ports(Ports ports) {
        return set(ports.toRanges().stream().map(PortRange::text).toList());
    }

    private static String set(List<String> elements) {
        return elements.size() == 1 ? elements.get(0) : "{ " + String.join(", ", elements) + " }";
    }
}

package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.effective.AddressSet;
import dev.stockade.compiler.effective.Cidr;
import dev.stockade.compiler.effective.IpRange;
import dev.stockade.compiler.effective.NetGrant;
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
 * {@code egress-SERVER}: for each effective grant and family, one rule per address range and port
 * range (addresses in order, then ports), written as {@code nft list ruleset} lists them (a range
 * that is one prefix as that prefix), then the reject.
 *
 * <p>No anonymous sets ({@code daddr { a, b }}): the kernel names each one by scanning every set
 * of the table, so a fleet's shared table (about 40 sets a server) loaded in time quadratic in the
 * servers: 1,000 servers took 302 s. Plain rules load in linear time (3.2 s for 1,000 servers in
 * one transaction) and are walked only by the new connections of this server's own user, after
 * the established-accept and the O(1) uid dispatch (docs/performance.md).
 */
final class NftLowering {

    private NftLowering() {
    }

    static NftView lower(ServerContext server, NetfilterNames names, String artifactPath) {
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
                for (String address : addresses(grant.addresses())) {
                    for (PortRange port : grant.ports().toRanges()) {
                        rules.add(new NftView.Rule(v6 ? "ip6" : "ip", address, grant.protocol().keyword(), port.text()));
                    }
                }
            }
        }
        return new NftView(Header.of(server), about, load, remove, removeAll, table, map, chain, user, comment, rules);
    }

    private static List<String> addresses(AddressSet set) {
        List<String> elements = new ArrayList<>();
        for (IpRange range : set.ranges()) {
            elements.add(range.prefix().map(Cidr::text).orElseGet(() -> range.first().text() + "-" + range.last().text()));
        }
        return elements;
    }
}

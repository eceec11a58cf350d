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
 * One server's nft file: a table of its own in the {@code inet} family (IPv4 and IPv6 in one
 * chain), one rule per effective grant and family with anonymous sets of address ranges and ports,
 * written as {@code nft list ruleset} lists them: elements in address order, a range that is one
 * prefix as that prefix, a single element without braces.
 */
final class NftLowering {

    private NftLowering() {
    }

    static NftView lower(ServerContext server, String artifactPath) {
        NetfilterNames names = NetfilterNames.of(server.name());
        String user = NetfilterEscape.word(server.effective().identity().user());
        String table = NetfilterEscape.word(names.nftTable());
        List<String> about = EgressLowering.comments(
                "The IPv4 and IPv6 egress of user " + user + " (server " + server.name() + "): only what the policy allows.",
                "Table inet " + table + " is Stockade's; the file replaces it and nothing else, in one transaction.",
                "Allowed connections are accepted in this table only, so the host's own tables still apply;",
                "everything else from this user is rejected as administratively prohibited.",
                "The user must exist before loading (systemd-sysusers creates it): the name is resolved once.");
        String load = "nft -f " + ShellEscape.word(artifactPath);
        String remove = "nft delete table inet " + table;
        List<NftView.Rule> rules = new ArrayList<>();
        for (boolean v6 : new boolean[] {false, true}) {
            for (NetGrant grant : EgressLowering.accepts(server.effective(), v6)) {
                rules.add(new NftView.Rule(v6 ? "ip6" : "ip", addresses(grant.addresses()),
                        grant.protocol().keyword(), ports(grant.ports())));
            }
        }
        return new NftView(Header.of(server), about, load, remove, table, user,
                NetfilterEscape.comment("stockade server " + server.name()), rules);
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

package dev.stockade.compiler.target.netfilter;

import java.util.List;

/**
 * One nft -f file, every value final text: header, load and remove commands (of this server, and
 * of every server), the shared table and its dispatch map, this server's chain, user and rules.
 */
public record NftView(
        List<String> header,
        List<String> about,
        String load,
        String remove,
        String removeAll,
        String table,
        String map,
        String chain,
        String user,
        String comment,
        List<Rule> rules) {

    public NftView {
        header = List.copyOf(header);
        about = List.copyOf(about);
        rules = List.copyOf(rules);
    }

    /** {@code FAMILY daddr ADDRESS PROTOCOL dport PORT accept}: one address range and one port range, as nft list ruleset lists it. */
    public record Rule(String family, String addresses, String protocol, String ports) {
    }
}

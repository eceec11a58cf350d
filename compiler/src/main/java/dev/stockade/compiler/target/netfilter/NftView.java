package dev.stockade.compiler.target.netfilter;

import java.util.List;

/**
 * One nft -f file, every value final text: header, load and remove commands (of this server, and
 * of every server), the shared table and its dispatch map, this server's chain, user and, per
 * address family, its set of accepted destinations.
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
        List<Family> families,
        List<Wide> wide) {

    public NftView {
        header = List.copyOf(header);
        about = List.copyOf(about);
        families = List.copyOf(families);
        wide = List.copyOf(wide);
    }

    /**
     * One wide grant of one family (see {@code EgressLowering.wide}): its addresses and its ports
     * in two named sets, {@code ADDRESS . PROTOCOL} and {@code PROTOCOL . PORTS} elements, and the
     * rule that accepts a destination in both ({@code rule}, with its {@code accept}).
     */
    public record Wide(String addresses, String addressType, List<String> addressElements, String ports,
            List<String> portElements, String rule) {

        public Wide {
            addressElements = List.copyOf(addressElements);
            portElements = List.copyOf(portElements);
        }
    }

    /**
     * One address family's named set and the rule that looks packets up in it:
     * {@code MATCH @SET accept}, the set of {@code TYPE} with {@code flags interval}, its elements
     * {@code ADDRESSES . PROTOCOL . PORTS} as nft list ruleset lists them (empty: no elements line);
     * {@code loopback}: the family's loopback destinations that are not in the set, each a rule of its
     * own without its {@code accept} ({@code ip daddr 127.0.0.0/8 tcp dport 8080}), checked before the
     * lookups.
     */
    public record Family(String set, String type, String match, List<String> loopback, List<String> elements) {

        public Family {
            loopback = List.copyOf(loopback);
            elements = List.copyOf(elements);
        }
    }
}

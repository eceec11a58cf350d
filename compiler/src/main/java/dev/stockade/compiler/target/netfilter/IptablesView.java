package dev.stockade.compiler.target.netfilter;

import java.util.List;

/**
 * One iptables-restore file, every value final text: the header comment lines, how to load and
 * remove it, Stockade's two chains, the user they judge and the accepted destinations in order:
 * each rule's matches, the address and protocol and then the port match, in the order
 * iptables-save lists them ({@code -A EGRESS MATCHES -j RETURN}).
 */
public record IptablesView(
        List<String> header,
        List<String> about,
        String load,
        String remove,
        String dispatchChain,
        String egressChain,
        String user,
        String comment,
        List<String> rules,
        List<String> jumps,
        List<Wide> wide,
        String rejectWith) {

    public IptablesView {
        header = List.copyOf(header);
        about = List.copyOf(about);
        rules = List.copyOf(rules);
        jumps = List.copyOf(jumps);
        wide = List.copyOf(wide);
    }

    /**
     * The chain of one wide grant: the egress chain goes to it ({@code jumps}: {@code -A EGRESS
     * MATCHES -g CHAIN}, after every other rule) for each of its address ranges; it returns for
     * each of its port matches ({@code -A CHAIN MATCHES -j RETURN}) and rejects the rest.
     */
    public record Wide(String chain, List<String> rules) {

        public Wide {
            rules = List.copyOf(rules);
        }
    }
}

package dev.stockade.compiler.target.netfilter;

import java.util.List;

/**
 * One iptables-restore file, every value final text: the header comment lines, how to load and
 * remove it, Stockade's two chains, the user they judge and the accepted destinations in order.
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
        List<Rule> rules,
        String rejectWith) {

    public IptablesView {
        header = List.copyOf(header);
        about = List.copyOf(about);
        rules = List.copyOf(rules);
    }

    /**
     * {@code DESTINATION PORTS -j RETURN}: the destination is the address and protocol matches, the
     * ports the port match, each in the order iptables-save lists them.
     */
    public record Rule(String destination, String ports) {
    }
}

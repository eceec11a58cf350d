package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.target.WideChains;
import java.util.List;

/**
 * One iptables-restore file, every value final text: the header comment lines, how to load and
 * remove it, Stockade's two chains, the user they judge and the accepted destinations in order:
 * each rule's matches, the address and protocol and then the port match, in the order
 * iptables-save lists them ({@code -A EGRESS MATCHES -j RETURN}).
 *
 * <p>{@code jumps}: the rules that send the rest on to the wide grants' chains ({@code -A EGRESS
 * -g ...}, after every accepted destination); {@code wide}: those chains, each rule complete
 * ({@link WideChains}).
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
        List<WideChains.Chain> wide,
        String rejectWith) {

    public IptablesView {
        header = List.copyOf(header);
        about = List.copyOf(about);
        rules = List.copyOf(rules);
        jumps = List.copyOf(jumps);
        wide = List.copyOf(wide);
    }
}

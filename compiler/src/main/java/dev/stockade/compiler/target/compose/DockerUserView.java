package dev.stockade.compiler.target.compose;

import dev.stockade.compiler.target.WideChains;
import java.util.List;

/**
 * One {@code compose/<server>.docker-user.iptables} (or {@code .ip6tables}) file, every value
 * final text: Stockade's chain for the server's container address, the destinations it may reach
 * (each {@code -d ... -p ... --dport ...} as iptables-save lists it), and how to load and remove it.
 *
 * <p>{@code jumps}: the rules that send the rest on to the wide grants' chains ({@code -A CHAIN
 * -g ...}, after every accepted destination); {@code wide}: those chains, each rule complete
 * ({@link WideChains}).
 */
public record DockerUserView(
        List<String> header,
        List<String> about,
        String load,
        String remove,
        String chain,
        String source,
        String comment,
        List<String> rules,
        List<String> jumps,
        List<WideChains.Chain> wide,
        String rejectWith) {

    public DockerUserView {
        header = List.copyOf(header);
        about = List.copyOf(about);
        rules = List.copyOf(rules);
        jumps = List.copyOf(jumps);
        wide = List.copyOf(wide);
    }
}

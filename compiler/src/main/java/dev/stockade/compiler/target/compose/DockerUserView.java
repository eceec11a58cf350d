package dev.stockade.compiler.target.compose;

import java.util.List;

/**
 * One {@code compose/<server>.docker-user.iptables} (or {@code .ip6tables}) file, every value
 * final text: Stockade's chain for the server's container address, the destinations it may reach
 * (each {@code -d ... -p ... --dport ...} as iptables-save lists it), and how to load and remove it.
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
        List<Wide> wide,
        String rejectWith) {

    public DockerUserView {
        header = List.copyOf(header);
        about = List.copyOf(about);
        rules = List.copyOf(rules);
        jumps = List.copyOf(jumps);
        wide = List.copyOf(wide);
    }

    /**
     * The chain of one wide grant: the server's chain goes to it ({@code jumps}: {@code -A CHAIN
     * MATCHES -g WIDE}, after every other rule) for each of its prefixes; it returns for each of
     * its port matches and rejects the rest.
     */
    public record Wide(String chain, List<String> rules) {

        public Wide {
            rules = List.copyOf(rules);
        }
    }
}

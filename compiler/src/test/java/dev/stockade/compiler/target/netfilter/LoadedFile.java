package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.target.Artifact;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a test reads back from one generated file: its documented commands, its chains, its user. */
record LoadedFile(Artifact artifact) {

    private static final Pattern IPT_USER = Pattern.compile("--uid-owner (\\S+)");
    private static final Pattern NFT_USER = Pattern.compile("meta skuid \"([^\"]+)\"");

    boolean nft() {
        return artifact.path().endsWith(".nft");
    }

    boolean v6() {
        return artifact.path().endsWith(".ip6tables");
    }

    String tool() {
        return nft() ? "nft" : v6() ? "ip6tables" : "iptables";
    }

    /** The load command of the header: the line after {@code # Load ...}. */
    String load() {
        return commandAfter("# Load ");
    }

    String remove() {
        return commandAfter("# Remove:");
    }

    private String commandAfter(String marker) {
        List<String> lines = artifact.content().lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith(marker) && lines.get(i + 1).startsWith("#   ")) {
                return lines.get(i + 1).substring(4);
            }
        }
        throw new AssertionError(artifact.path() + " has no `" + marker + "` command in its header");
    }

    String user() {
        Matcher m = (nft() ? NFT_USER : IPT_USER).matcher(artifact.content());
        if (!m.find()) {
            throw new AssertionError(artifact.path() + " names no user");
        }
        return m.group(1);
    }

    /** The dispatch chain, from the iptables file's first chain declaration. */
    String dispatchChain() {
        return artifact.content().lines().filter(l -> l.startsWith(":")).findFirst().orElseThrow()
                .substring(1).split(" ")[0];
    }

    String nftTable() {
        return artifact.content().lines().filter(l -> l.startsWith("delete table inet ")).findFirst().orElseThrow()
                .substring("delete table inet ".length());
    }

    /**
     * What the loaded ruleset must show for this file: for iptables every chain declaration and rule
     * line, for nft the final table block; user names as the uids the tools resolved them to.
     */
    List<String> expectedListing(Map<String, Integer> uids) {
        String user = user();
        String uid = Integer.toString(uids.get(user));
        List<String> lines = artifact.content().lines().toList();
        if (nft()) {
            int start = lines.lastIndexOf("table inet " + nftTable() + " {");
            return lines.subList(start, lines.size()).stream()
                    .map(l -> l.replace("meta skuid \"" + user + "\"", "meta skuid " + uid)).toList();
        }
        return lines.stream().filter(l -> l.startsWith(":") || l.startsWith("-A "))
                .map(l -> l.replace("--uid-owner " + user + " ", "--uid-owner " + uid + " ")).toList();
    }

    /** The block of table {@code name} in an {@code nft list ruleset} listing. */
    static List<String> nftBlock(String listing, String name) {
        List<String> lines = listing.lines().toList();
        int start = lines.indexOf("table inet " + name + " {");
        if (start < 0) {
            return List.of();
        }
        int end = start;
        while (end < lines.size() && !lines.get(end).equals("}")) {
            end++;
        }
        return lines.subList(start, Math.min(end + 1, lines.size()));
    }
}

package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.target.Artifact;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a test reads back from one generated file: its documented commands, its chains, its user. */
record LoadedFile(Artifact artifact) {

    private static final Pattern IPT_USER = Pattern.compile("--uid-owner (\\S+)");
    private static final Pattern NFT_USER = Pattern.compile("dispatch \\{ \"([^\"]+)\" :");
    private static final Pattern NFT_COMMENT = Pattern.compile("\" comment (\"[^\"]*\") : jump ");
    private static final Pattern NFT_CHAIN = Pattern.compile("^\tchain (egress-\\S+) \\{$", Pattern.MULTILINE);
    private static final Pattern NFT_SET = Pattern.compile("^\tset (allow[46](?:\\.\\d+)?-\\S+) \\{$", Pattern.MULTILINE);

    /** The shared table with no server loaded: what a server's own remove command leaves. */
    static final List<String> NFT_SKELETON = List.of(
            "table inet stockade {",
            "\tmap dispatch {",
            "\t\ttype uid : verdict",
            "\t}",
            "",
            "\tchain output {",
            "\t\ttype filter hook output priority filter; policy accept;",
            "\t\tct state established,related accept",
            "\t\tmeta skuid vmap @dispatch",
            "\t}",
            "}");

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
        return commandAfter("# Remove");
    }

    /** nft only: the command that removes the shared table, every server's rules with it. */
    String removeAll() {
        return commandAfter("# Remove every server");
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

    /** nft only: this server's chain in the shared table. */
    String nftChain() {
        Matcher m = NFT_CHAIN.matcher(artifact.content());
        if (!m.find()) {
            throw new AssertionError(artifact.path() + " declares no egress chain");
        }
        return m.group(1);
    }

    /** nft only: this server's sets of accepted destinations, IPv4 then IPv6. */
    List<String> nftSets() {
        return NFT_SET.matcher(artifact.content()).results().map(m -> m.group(1)).distinct().toList();
    }

    private String nftComment() {
        Matcher m = NFT_COMMENT.matcher(artifact.content());
        if (!m.find()) {
            throw new AssertionError(artifact.path() + " has no commented dispatch element");
        }
        return m.group(1);
    }

    /**
     * What the loaded ruleset must show for this file: for iptables every chain declaration and rule
     * line, for nft the shared table with this server alone in it (its element, its two sets and its
     * chain exactly as the file's final block writes them, the output chain's two rules); user names
     * as the uids the tools resolved them to.
     */
    List<String> expectedListing(Map<String, Integer> uids) {
        String user = user();
        String uid = Integer.toString(uids.get(user));
        List<String> lines = artifact.content().lines().toList();
        if (nft()) {
            String chain = nftChain();
            int chainAt = lines.lastIndexOf("\tchain " + chain + " {");
            List<String> sets = lines.subList(lines.lastIndexOf("table inet stockade {") + 1, chainAt);
            List<String> rules = lines.subList(chainAt + 1, lines.size()).stream()
                    .takeWhile(l -> !l.equals("\t}")).toList();
            List<String> out = new java.util.ArrayList<>(NFT_SKELETON.subList(0, 3));
            out.add("\t\telements = { " + uid + " comment " + nftComment() + " : jump " + chain + " }");
            out.addAll(NFT_SKELETON.subList(3, 5));
            out.addAll(sets);
            out.addAll(NFT_SKELETON.subList(5, NFT_SKELETON.size() - 1));
            out.add("");
            out.add("\tchain " + chain + " {");
            out.add("\t\tcomment " + nftComment());
            out.addAll(rules);
            out.add("\t}");
            out.add("}");
            return out;
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

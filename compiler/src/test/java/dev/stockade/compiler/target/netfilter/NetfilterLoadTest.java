package dev.stockade.compiler.target.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated file loaded for real, with the command its header documents, into a fresh network
 * namespace that already holds someone else's rules: the listing shows Stockade's chains or table
 * exactly as written, loading twice lists the same as loading once, the foreign rules survive, and
 * the documented remove commands leave exactly the foreign rules (nft: the server's own remove
 * leaves the empty shared table, removing every server leaves nothing of Stockade's).
 */
class NetfilterLoadTest {

    static final Path OWN_CASES = Path.of("src/test/resources/netfilter");

    static Stream<Path> policies() throws IOException {
        try (Stream<Path> own = Files.list(OWN_CASES)) {
            return Stream.concat(Golden.inputs().stream(), own.filter(p -> p.toString().endsWith(".stockade")).sorted().toList().stream());
        }
    }

    /** Compiles a policy and writes its netfilter files under {@code out}, as the plugin would. */
    static List<LoadedFile> generate(Path policy, Path out) throws IOException {
        Stockade.Outcome outcome = Golden.compile(policy, NetfilterTarget.NAME);
        assertThat(outcome.hasBlockingErrors()).as("%s compiles", policy).isFalse();
        for (Artifact artifact : outcome.artifacts()) {
            Path file = out.resolve(artifact.path());
            Files.createDirectories(file.getParent());
            Files.writeString(file, artifact.content());
        }
        return outcome.artifacts().stream().map(LoadedFile::new).toList();
    }

    static Map<String, Integer> uids(List<LoadedFile> files) {
        List<String> users = files.stream().map(LoadedFile::user).distinct().sorted().toList();
        List<Integer> ids = Netns.freeUids(users.size());
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            out.put(users.get(i), ids.get(i));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("policies")
    void loadsTwiceAsOnceAndTouchesNothingElse(Path policy, @TempDir Path out) throws IOException {
        List<LoadedFile> files = generate(policy, out);
        Map<String, Integer> uids = uids(files);
        assertThat(files).isNotEmpty();
        for (LoadedFile file : files) {
            try (Netns ns = Netns.create()) {
                ns.users(uids);
                if (file.nft()) {
                    checkNft(ns, file, uids, out);
                } else {
                    checkIptables(ns, file, uids, out);
                }
            }
        }
    }

    private static void checkIptables(Netns ns, LoadedFile file, Map<String, Integer> uids, Path out) {
        String tool = file.tool();
        String foreign = file.v6() ? "2001:db8:ffff::99" : "203.0.113.99";
        ns.exec(tool, "-N", "FOREIGN").ok();
        ns.exec(tool, "-A", "FOREIGN", "-d", foreign, "-j", "DROP").ok();
        ns.exec(tool, "-A", "OUTPUT", "-j", "FOREIGN").ok();
        String before = save(ns, tool);

        ns.sh(out, file.load()).ok();
        String once = save(ns, tool);
        ns.sh(out, file.load()).ok();
        String twice = save(ns, tool);

        assertThat(twice).as("%s loaded twice lists as loaded once", file.artifact().path()).isEqualTo(once);
        String chain = file.dispatchChain();
        List<String> ours = once.lines()
                .filter(l -> l.startsWith(":" + chain + " ") || l.startsWith(":" + chain + "-")
                        || l.startsWith("-A " + chain + " ") || l.startsWith("-A " + chain + "-"))
                .toList();
        assertThat(ours).as("Stockade's chains as written").containsExactlyElementsOf(file.expectedListing(uids));
        List<String> output = once.lines().filter(l -> l.startsWith("-A OUTPUT ")).toList();
        assertThat(output).as("one jump, first in OUTPUT, then the foreign rules")
                .containsExactly("-A OUTPUT -j " + chain, "-A OUTPUT -j FOREIGN");
        assertThat(once).contains("-A FOREIGN -d " + foreign + (file.v6() ? "/128" : "/32") + " -j DROP");
        assertThat(once.lines().filter(l -> l.contains("169.254."))).as("no rule near the metadata endpoint").isEmpty();

        ns.sh(out, file.remove()).ok();
        assertThat(save(ns, tool)).as("removing leaves exactly the foreign rules").isEqualTo(before);
    }

    private static void checkNft(Netns ns, LoadedFile file, Map<String, Integer> uids, Path out) throws IOException {
        Path foreign = out.resolve("foreign.nft");
        Files.writeString(foreign, """
                table inet foreign {
                	chain out {
                		type filter hook output priority 10; policy accept;
                		ip daddr 203.0.113.99 drop
                	}
                }
                """);
        ns.exec("nft", "-f", foreign.toString()).ok();
        String before = list(ns);

        ns.sh(out, file.load()).ok();
        String once = list(ns);
        ns.sh(out, file.load()).ok();
        String twice = list(ns);

        assertThat(twice).as("%s loaded twice lists as loaded once", file.artifact().path()).isEqualTo(once);
        assertThat(LoadedFile.nftBlock(once, "stockade")).as("the shared table with this server's element and chain")
                .containsExactlyElementsOf(file.expectedListing(uids));
        assertThat(LoadedFile.nftBlock(once, "foreign")).as("the foreign table survives")
                .containsExactlyElementsOf(LoadedFile.nftBlock(before, "foreign"));
        assertThat(once.lines().filter(l -> l.contains("169.254."))).as("no rule near the metadata endpoint").isEmpty();

        ns.sh(out, file.remove()).ok();
        String removed = list(ns);
        assertThat(LoadedFile.nftBlock(removed, "stockade")).as("removing the server leaves the empty shared table")
                .containsExactlyElementsOf(LoadedFile.NFT_SKELETON);
        assertThat(LoadedFile.nftBlock(removed, "foreign")).containsExactlyElementsOf(LoadedFile.nftBlock(before, "foreign"));
        ns.sh(out, file.removeAll()).ok();
        assertThat(list(ns)).as("removing every server leaves exactly the foreign table").isEqualTo(before);
    }

    static String save(Netns ns, String tool) {
        return ns.exec(tool + "-save").ok().out().lines().filter(l -> !l.startsWith("#"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    static String list(Netns ns) {
        return ns.exec("nft", "list", "ruleset").ok().out();
    }
}

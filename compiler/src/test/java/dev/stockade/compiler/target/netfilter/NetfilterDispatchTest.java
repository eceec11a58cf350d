package dev.stockade.compiler.target.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.target.Tool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several servers' nft files loaded into one namespace share one table: one output chain with its
 * two rules (established traffic, then one verdict-map lookup) whatever the number of servers, one
 * map element, one chain and two sets (IPv4, IPv6) per server. Loading them all twice lists as loading them once; one
 * server's remove leaves the others; a second server for a user that already dispatches elsewhere
 * fails to load and changes nothing.
 */
class NetfilterDispatchTest {

    static final Path POLICY = NetfilterLoadTest.OWN_CASES.resolve("dispatch.stockade");

    @Test
    void serversLoadedTogetherShareOneDispatchMap(@TempDir Path out) throws IOException {
        List<LoadedFile> all = NetfilterLoadTest.generate(POLICY, out).stream().filter(LoadedFile::nft).toList();
        LoadedFile shared = all.stream().filter(f -> f.nftChain().equals("egress-stk-shared")).findFirst().orElseThrow();
        List<LoadedFile> files = all.stream().filter(f -> f != shared).toList();
        assertThat(files).hasSize(3);
        Map<String, Integer> uids = NetfilterLoadTest.uids(all);
        try (Netns ns = Netns.create()) {
            ns.users(uids);
            files.forEach(f -> ns.sh(out, f.load()).ok());
            String once = NetfilterLoadTest.list(ns);
            files.forEach(f -> ns.sh(out, f.load()).ok());
            assertThat(NetfilterLoadTest.list(ns)).as("every file loaded twice lists as once").isEqualTo(once);

            List<String> table = LoadedFile.nftBlock(once, "stockade");
            assertThat(chain(table, "output")).as("one lookup however many servers").containsExactly(
                    "type filter hook output priority filter; policy accept;",
                    "ct state established,related accept",
                    "meta skuid vmap @dispatch");
            for (LoadedFile file : files) {
                assertThat(String.join("\n", table)).as("the element of %s", file.user())
                        .contains(uids.get(file.user()) + " comment \"stockade server ")
                        .contains(": jump " + file.nftChain());
                List<String> expected = file.expectedListing(uids);
                assertThat(chain(table, file.nftChain())).as("chain %s as written", file.nftChain())
                        .containsExactlyElementsOf(chain(expected, file.nftChain()));
                assertThat(file.nftSets()).hasSize(2);
                for (String set : file.nftSets()) {
                    assertThat(block(table, "set " + set)).as("set %s as written", set)
                            .isNotEmpty().containsExactlyElementsOf(block(expected, "set " + set));
                }
            }

            Tool.Result refused = ns.sh(out, shared.load());
            assertThat(refused.exit()).as("a user cannot dispatch to two servers' chains").isNotZero();
            assertThat(refused.err()).contains("File exists");
            assertThat(NetfilterLoadTest.list(ns)).as("the refused file changed nothing").isEqualTo(once);

            LoadedFile first = files.get(0);
            ns.sh(out, first.remove()).ok();
            List<String> left = LoadedFile.nftBlock(NetfilterLoadTest.list(ns), "stockade");
            assertThat(chain(left, first.nftChain())).as("the removed server's chain").isEmpty();
            first.nftSets().forEach(set -> assertThat(block(left, "set " + set)).as("the removed server's %s", set).isEmpty());
            assertThat(String.join("\n", left)).doesNotContain("jump " + first.nftChain());
            for (LoadedFile other : files.subList(1, files.size())) {
                assertThat(chain(left, other.nftChain())).as("%s stays", other.nftChain())
                        .containsExactlyElementsOf(chain(table, other.nftChain()));
                other.nftSets().forEach(set -> assertThat(block(left, "set " + set)).as("%s stays", set)
                        .containsExactlyElementsOf(block(table, "set " + set)));
            }
            ns.sh(out, first.removeAll()).ok();
            assertThat(NetfilterLoadTest.list(ns)).as("nothing of Stockade's is left").isBlank();
        }
    }

    /** The body lines of chain {@code name} in a listed table, stripped; empty when it is absent. */
    static List<String> chain(List<String> table, String name) {
        return block(table, "chain " + name);
    }

    /** The body lines of the block that {@code head} opens (e.g. {@code set allow4-a}) in a listed table, stripped. */
    static List<String> block(List<String> table, String head) {
        int start = table.indexOf("\t" + head + " {");
        if (start < 0) {
            return List.of();
        }
        return table.subList(start + 1, table.size()).stream().takeWhile(l -> !l.equals("\t}")).map(String::strip).toList();
    }
}

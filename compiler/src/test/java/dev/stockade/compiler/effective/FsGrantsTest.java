package dev.stockade.compiler.effective;

import static dev.stockade.dsl.model.FsMode.APPEND;
import static dev.stockade.dsl.model.FsMode.DENY;
import static dev.stockade.dsl.model.FsMode.EXECUTE;
import static dev.stockade.dsl.model.FsMode.READ;
import static dev.stockade.dsl.model.FsMode.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockade.dsl.model.FsMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FsGrantsTest {

    private static final List<String> SEGMENTS = List.of("a", "b", "c", "ab");

    private static FsRule rule(FsMode mode, String path) {
        return FsRule.of(mode, path);
    }

    @Test
    void specExampleDenyInsideReadAndReadReopenedInsideDeny() {
        FsGrants grants = FsGrants.of(List.of(
                rule(READ, "/workspace/project-a/src"), rule(WRITE, "/workspace/project-a/output"),
                rule(APPEND, "/var/log/mcp-fileserver.log"), rule(DENY, "/workspace/project-a/src/secrets"),
                rule(READ, "/workspace/project-a/src/secrets/public")));
        assertThat(grants.modeOf("/workspace/project-a/src/main.js")).isEqualTo(Access.of(READ));
        assertThat(grants.modeOf("/workspace/project-a/src/secrets/key")).isEqualTo(Access.none());
        assertThat(grants.modeOf("/workspace/project-a/src/secrets")).isEqualTo(Access.none());
        assertThat(grants.modeOf("/workspace/project-a/src/secrets/public/x")).isEqualTo(Access.of(READ));
        assertThat(grants.modeOf("/workspace/project-a/src2")).isEqualTo(Access.none());
        assertThat(grants.modeOf("/workspace/project-a")).isEqualTo(Access.none());
        assertThat(grants.modeOf("/var/log/mcp-fileserver.log")).isEqualTo(Access.of(APPEND));
        assertThat(grants.decide("/workspace/project-a/src/secrets/key"))
                .isEqualTo(new FsDecision(Access.none(), Optional.of("/workspace/project-a/src/secrets")));
        assertThat(grants.decide("/etc/passwd")).isEqualTo(new FsDecision(Access.none(), Optional.empty()));
        assertThat(grants.entries()).containsExactly(
                new FsEntry("/var/log/mcp-fileserver.log", Access.of(APPEND), false, Optional.empty()),
                new FsEntry("/workspace/project-a/output", Access.of(WRITE), false, Optional.empty()),
                new FsEntry("/workspace/project-a/src", Access.of(READ), false, Optional.empty()),
                new FsEntry("/workspace/project-a/src/secrets", Access.none(), false,
                        Optional.of("/workspace/project-a/src")),
                new FsEntry("/workspace/project-a/src/secrets/public", Access.of(READ), false,
                        Optional.of("/workspace/project-a/src/secrets")));
        assertThat(grants.redundant()).isEmpty();
    }

    @Test
    void grantsOnOnePathCombineAndTheLongestPathDecidesAlone() {
        FsGrants grants = FsGrants.of(List.of(
                rule(WRITE, "/ws"), rule(EXECUTE, "/ws"), rule(READ, "/ws/.git"), rule(EXECUTE, "/ws/bin")));
        assertThat(grants.modeOf("/ws/file")).isEqualTo(Access.of(WRITE, EXECUTE));
        assertThat(grants.modeOf("/ws/.git/config")).isEqualTo(Access.of(READ));
        assertThat(grants.modeOf("/ws/.git/config").allows(WRITE)).isFalse();
        assertThat(grants.modeOf("/ws/bin/tool").allows(READ)).isTrue();
        assertThat(grants.modeOf("/ws/bin/tool").allows(WRITE)).isFalse();
        assertThat(grants.modeOf("/").isDenied()).isTrue();
        assertThat(Access.of(WRITE).rights()).isEqualTo(EnumSet.of(READ, WRITE, APPEND));
        assertThat(Access.of(WRITE, EXECUTE).toString()).isEqualTo("write+execute");
    }

    @Test
    void prefixesAreWholeSegments() {
        FsGrants grants = FsGrants.of(List.of(rule(READ, "/a/b"), rule(WRITE, "/")));
        assertThat(grants.modeOf("/a/bc")).isEqualTo(Access.of(WRITE));
        assertThat(grants.modeOf("/a/b/c")).isEqualTo(Access.of(READ));
        assertThat(grants.modeOf("/a/b/")).isEqualTo(Access.of(READ));
        assertThat(grants.decide("/zzz").decidedBy()).contains("/");
        assertThatThrownBy(() -> grants.modeOf("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grants.modeOf("/a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grants.modeOf("//")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grants.modeOf("/a/../b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grantAndDenyOnOnePathConflictAndFailClosed() {
        FsGrants grants = FsGrants.of(List.of(rule(READ, "/a"), rule(WRITE, "/a/b"), rule(DENY, "/a/b")));
        assertThat(grants.conflicts()).containsExactly(new Conflict(List.of(1), List.of(2)));
        assertThat(grants.modeOf("/a/b/c").isDenied()).isTrue();
        assertThat(grants.modeOf("/a/c")).isEqualTo(Access.of(READ));
        assertThat(grants.entries().get(1)).isEqualTo(new FsEntry("/a/b", Access.none(), true, Optional.of("/a")));
    }

    @Test
    void reportsRedundantGrantsAndDenies() {
        FsGrants grants = FsGrants.of(List.of(
                rule(READ, "/a"),             // 0
                rule(READ, "/a/b"),           // 1: the enclosing path grants the same
                rule(WRITE, "/a/c"),          // 2: widens
                rule(READ, "/a/c"),           // 3: implied by write on the same path
                rule(DENY, "/x"),             // 4: no grant encloses it
                rule(DENY, "/a/d"),           // 5
                rule(DENY, "/a/d/e"),         // 6: already denied
                rule(READ, "/a"),             // 7: repeats 0
                rule(WRITE, "/w"),            // 8
                rule(READ, "/w/ro")));        // 9: narrows, not redundant
        assertThat(grants.redundant()).containsExactly(
                Redundancy.coveredBy(1, 0), Redundancy.coveredBy(3, 2), Redundancy.defaultDeny(4),
                Redundancy.coveredBy(6, 5), Redundancy.coveredBy(7, 0));
    }

    @Test
    void grantedBelowIsAGrantAnywhereUnderANamedPath() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            FsGrants grants = FsGrants.of(randomRules(random));
            for (FsEntry entry : grants.entries()) {
                String below = entry.path().equals("/") ? "/" : entry.path() + "/";
                boolean expected = grants.entries().stream().anyMatch(e -> !e.path().equals(entry.path())
                        && e.path().startsWith(below) && !e.access().isDenied());
                assertThat(grants.grantedBelow(entry.path())).as(grants.rules() + " at " + entry.path()).isEqualTo(expected);
            }
        }
    }

    private static String randomPath(Random random, int minDepth) {
        StringBuilder path = new StringBuilder();
        int depth = minDepth + random.nextInt(5 - minDepth);
        for (int i = 0; i < depth; i++) {
            path.append('/').append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static List<FsRule> randomRules(Random random) {
        List<FsRule> rules = new ArrayList<>();
        int count = 1 + random.nextInt(8);
        FsMode[] modes = FsMode.values();
        for (int i = 0; i < count; i++) {
            // Mostly depth 1..4; the root now and then.
            String path = random.nextInt(20) == 0 ? "/" : randomPath(random, 1);
            rules.add(rule(modes[random.nextInt(modes.length)], path));
        }
        return rules;
    }

    /** Every path of depth 0..5 over the segment alphabet. */
    private static List<String> allPaths() {
        List<String> out = new ArrayList<>(List.of("/"));
        List<String> level = List.of("");
        for (int depth = 1; depth <= 5; depth++) {
            List<String> next = new ArrayList<>();
            for (String prefix : level) {
                SEGMENTS.forEach(segment -> next.add(prefix + "/" + segment));
            }
            out.addAll(next);
            level = next;
        }
        return out;
    }

    /** The longest rule path at or above the query decides; a deny there wins; grants there combine. */
    private static Access oracle(List<FsRule> rules, String path) {
        int best = -1;
        EnumSet<FsMode> modes = EnumSet.noneOf(FsMode.class);
        for (FsRule rule : rules) {
            boolean above = rule.path().equals("/") || path.equals(rule.path()) || path.startsWith(rule.path() + "/");
            int depth = rule.path().equals("/") ? 0 : rule.path().split("/").length - 1;
            if (!above || depth < best) {
                continue;
            }
            if (depth > best) {
                modes.clear();
                best = depth;
            }
            modes.add(rule.mode());
        }
        return modes.contains(DENY) ? Access.none() : Access.of(modes);
    }

    @Test
    void modeOfAgreesWithLongestMatchingRuleOracle() {
        Random random = new Random(31337);
        List<String> paths = allPaths();
        for (int round = 0; round < 400; round++) {
            List<FsRule> rules = randomRules(random);
            FsGrants grants = FsGrants.of(rules);
            for (String path : paths) {
                assertThat(grants.modeOf(path)).as("%s in %s", path, rules).isEqualTo(oracle(rules, path));
            }
            for (FsEntry entry : grants.entries()) {
                assertThat(grants.modeOf(entry.path())).isEqualTo(entry.access());
            }
            List<String> listed = grants.entries().stream().map(FsEntry::path).toList();
            assertThat(listed).doesNotHaveDuplicates();
            assertThat(listed).hasSize((int) rules.stream().map(FsRule::path).distinct().count());
        }
    }

    @Test
    void removingRedundantRulesChangesNothing() {
        Random random = new Random(8);
        List<String> paths = allPaths();
        int seen = 0;
        for (int round = 0; round < 400; round++) {
            List<FsRule> rules = randomRules(random);
            FsGrants grants = FsGrants.of(rules);
            List<Integer> redundant = grants.redundant().stream().map(Redundancy::rule).toList();
            for (Redundancy found : grants.redundant()) {
                if (goesAlone(rules, found)) {
                    List<FsRule> without = new ArrayList<>(rules);
                    without.remove(found.rule());
                    assertSameAccess(FsGrants.of(without), grants, paths, "without " + found + " of " + rules);
                    seen++;
                }
            }
            List<FsRule> pruned = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                if (!redundant.contains(i)) {
                    pruned.add(rules.get(i));
                }
            }
            assertSameAccess(FsGrants.of(pruned), grants, paths, "pruned " + rules);
        }
        assertThat(seen).isGreaterThan(100);
    }

    /** All but the grants of one path covered by its enclosing path, which may go only together. */
    private static boolean goesAlone(List<FsRule> rules, Redundancy found) {
        FsRule rule = rules.get(found.rule());
        if (found.coveredBy().isEmpty() || rules.get(found.coveredBy().getAsInt()).path().equals(rule.path())) {
            return true;
        }
        return rules.stream().filter(other -> other.path().equals(rule.path())).allMatch(other -> other.mode() == rule.mode());
    }

    @Test
    void grantsOfAPathCoveredByItsEnclosingPathAreAllReported() {
        FsGrants grants = FsGrants.of(List.of(
                rule(EXECUTE, "/a"), rule(APPEND, "/a"), rule(APPEND, "/a/b"), rule(EXECUTE, "/a/b"), rule(READ, "/a/b")));
        assertThat(grants.redundant()).containsExactly(
                Redundancy.coveredBy(2, 1), Redundancy.coveredBy(3, 0), Redundancy.coveredBy(4, 0));
    }

    private static void assertSameAccess(FsGrants actual, FsGrants expected, List<String> paths, String what) {
        for (String path : paths) {
            assertThat(actual.modeOf(path).rights()).as("%s at %s", what, path)
                    .isEqualTo(expected.modeOf(path).rights());
        }
    }
}

package dev.stockade.compiler.effective;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.model.FsMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link FsGrants} finds the grant that covers another by looking up the first grant of each
 * mode on the path; the oracle here is the pairwise scan it replaced, written out again below
 * over a plain map of paths. On random rule lists (long runs of one or two modes on one path,
 * the shape that made the scan quadratic, and ordinary mixes under nested paths, denies among
 * them) both report the same redundancies, covered by the same rules, and the same access.
 */
class FsGrantsOracleTest {

    private static final String[] PATHS = {"/", "/a", "/a/b", "/a/b/c", "/a/bc", "/a/b/c/d", "/e"};
    private static final FsMode[] GRANTS = {FsMode.READ, FsMode.WRITE, FsMode.APPEND, FsMode.EXECUTE};

    @Test
    void firstGrantPerModeReportsWhatThePairwiseScanReported() {
        Random random = new Random(20261129);
        int covered = 0;
        for (int round = 0; round < 4_000; round++) {
            List<FsRule> rules = round % 4 == 0 ? runs(random) : mix(random);
            FsGrants grants = FsGrants.of(rules);
            Reference reference = new Reference(rules);
            assertThat(grants.redundant()).as("round %d: %s", round, rules).isEqualTo(reference.redundant());
            for (FsEntry entry : grants.entries()) {
                assertThat(entry.access()).as("round %d: %s", round, entry.path()).isEqualTo(reference.access(entry.path()));
            }
            covered += grants.redundant().size();
        }
        assertThat(covered).isGreaterThan(50_000);
    }

    /** Half the rules of one mode on one path, then half of another (or the same), with a few others around. */
    private static List<FsRule> runs(Random random) {
        List<FsRule> rules = new ArrayList<>();
        String path = PATHS[random.nextInt(PATHS.length)];
        int half = 1 + random.nextInt(100);
        FsMode first = GRANTS[random.nextInt(GRANTS.length)];
        FsMode second = GRANTS[random.nextInt(GRANTS.length)];
        for (int i = 0; i < 2 * half; i++) {
            rules.add(FsRule.of(i < half ? first : second, path));
            if (random.nextInt(10) == 0) {
                rules.add(randomRule(random));
            }
        }
        return rules;
    }

    private static List<FsRule> mix(Random random) {
        List<FsRule> rules = new ArrayList<>();
        for (int i = random.nextInt(30); i >= 0; i--) {
            rules.add(randomRule(random));
        }
        return rules;
    }

    private static FsRule randomRule(Random random) {
        FsMode mode = random.nextInt(8) == 0 ? FsMode.DENY : GRANTS[random.nextInt(GRANTS.length)];
        return FsRule.of(mode, PATHS[random.nextInt(PATHS.length)]);
    }

    /** FsGrants' redundancy before the change, with the enclosing path found by trimming segments. */
    private static final class Reference {
        private final List<FsRule> rules;
        private final Map<String, List<Integer>> grants = new TreeMap<>();
        private final Map<String, List<Integer>> denies = new TreeMap<>();

        Reference(List<FsRule> rules) {
            this.rules = rules;
            for (int i = 0; i < rules.size(); i++) {
                FsRule rule = rules.get(i);
                grants.computeIfAbsent(rule.path(), p -> new ArrayList<>());
                denies.computeIfAbsent(rule.path(), p -> new ArrayList<>());
                (rule.isDeny() ? denies : grants).get(rule.path()).add(i);
            }
        }

        Access access(String path) {
            if (!denies.get(path).isEmpty()) {
                return Access.none();
            }
            EnumSet<FsMode> modes = EnumSet.noneOf(FsMode.class);
            grants.get(path).forEach(grant -> modes.add(rules.get(grant).mode()));
            return Access.of(modes);
        }

        private Optional<String> enclosing(String path) {
            String up = path;
            while (!up.equals("/")) {
                int slash = up.lastIndexOf('/');
                up = slash == 0 ? "/" : up.substring(0, slash);
                if (grants.containsKey(up)) {
                    return Optional.of(up);
                }
            }
            return Optional.empty();
        }

        List<Redundancy> redundant() {
            List<Redundancy> out = new ArrayList<>();
            for (String path : grants.keySet()) {
                List<Integer> nodeDenies = denies.get(path);
                Optional<String> enclosing = enclosing(path);
                for (int later = 1; later < nodeDenies.size(); later++) {
                    out.add(Redundancy.coveredBy(nodeDenies.get(later), nodeDenies.get(0)));
                }
                if (nodeDenies.isEmpty()) {
                    checkGrants(path, enclosing, out);
                } else if (grants.get(path).isEmpty() && enclosing.isEmpty()) {
                    out.add(Redundancy.defaultDeny(nodeDenies.get(0)));
                } else if (grants.get(path).isEmpty() && !denies.get(enclosing.get()).isEmpty()) {
                    out.add(Redundancy.coveredBy(nodeDenies.get(0), denies.get(enclosing.get()).get(0)));
                }
            }
            out.sort((a, b) -> Integer.compare(a.rule(), b.rule()));
            return out;
        }

        private void checkGrants(String path, Optional<String> enclosing, List<Redundancy> out) {
            boolean sameAsEnclosing = enclosing.isPresent() && denies.get(enclosing.get()).isEmpty()
                    && access(enclosing.get()).rights().equals(access(path).rights());
            for (int grant : grants.get(path)) {
                FsMode mode = rules.get(grant).mode();
                List<Integer> candidates = sameAsEnclosing ? grants.get(enclosing.get()) : grants.get(path);
                for (int other : candidates) {
                    if (other != grant && covers(rules.get(other).mode(), mode, sameAsEnclosing || other < grant)) {
                        out.add(Redundancy.coveredBy(grant, other));
                        break;
                    }
                }
            }
        }

        private static boolean covers(FsMode other, FsMode mode, boolean otherCounts) {
            return other == mode ? otherCounts : Access.of(other).allows(mode);
        }
    }
}

package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.FsMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The effective filesystem policy of one server.
 *
 * <p>Semantics, most specific wins: for a path, the longest named path at or above it (by whole
 * segments; {@code /} is above everything) decides alone. If a deny is written there, the path is
 * denied; else the grants written on exactly that path combine, and grants of shorter paths do not
 * add to them. So {@code deny} inside a grant carves it out, a grant inside a deny re-opens a
 * sub-tree, and a narrower grant may narrow ({@code write "/ws"} with {@code read "/ws/.git"}
 * leaves {@code .git} read-only). A grant and a deny on the same path are a {@link Conflict}:
 * denied (fail closed). A path no rule names is denied.
 */
public final class FsGrants {

    private final List<FsRule> rules;
    private final PathTrie trie;
    private final List<FsEntry> entries = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Redundancy> redundant = new ArrayList<>();
    /** The named paths with a grant somewhere below them, once asked (racy: any thread's set is the same). */
    private Set<String> grantedBelow;
    /**
     * While the trie is walked, each visited node's grants by mode: its children ask for their
     * enclosing node's, which a parent with many grants and many children must not recount. Null after.
     */
    private Map<PathTrie.Node, GrantModes> visited = new IdentityHashMap<>();

    private FsGrants(List<FsRule> rules) {
        this.rules = rules;
        this.trie = new PathTrie(rules);
        trie.walk(this::visit);
        visited = null;
        redundant.sort((a, b) -> Integer.compare(a.rule(), b.rule()));
    }

    public static FsGrants of(List<FsRule> rules) {
        return new FsGrants(List.copyOf(rules));
    }

    /** The rules, in the order given; {@link Conflict} and {@link Redundancy} index into it. */
    public List<FsRule> rules() {
        return rules;
    }

    /** What the server may do at {@code path} (absolute, normalized); empty when denied. */
    public Access modeOf(String path) {
        return decide(path).access();
    }

    /** The access at {@code path} and the rule path that decides it. */
    public FsDecision decide(String path) {
        Optional<PathTrie.Node> node = trie.deepestRule(path);
        return new FsDecision(node.map(this::accessOf).orElse(Access.none()), node.map(n -> n.path));
    }

    /** Every named path in pre-order (a parent before its children, siblings by name). */
    public List<FsEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /**
     * Whether some named path strictly below {@code path} (a named path) grants anything: a deny
     * with a re-opened sub-tree. Each grant marks its enclosing named paths, up to one already
     * marked, so all of them are found in one pass over the entries.
     */
    public boolean grantedBelow(String path) {
        Set<String> known = grantedBelow;
        if (known == null) {
            Map<String, Optional<String>> enclosing = new HashMap<>();
            entries.forEach(entry -> enclosing.put(entry.path(), entry.enclosing()));
            Set<String> marked = new HashSet<>();
            for (FsEntry entry : entries) {
                if (!entry.access().isDenied()) {
                    for (Optional<String> up = entry.enclosing(); up.isPresent() && marked.add(up.get()); ) {
                        up = enclosing.get(up.get());
                    }
                }
            }
            known = Set.copyOf(marked);
            grantedBelow = known;
        }
        return known.contains(path);
    }

    /** Grants and denies of exactly the same path, in path order. */
    public List<Conflict> conflicts() {
        return Collections.unmodifiableList(conflicts);
    }

    /**
     * Rules that change nothing, by rule index: a grant repeated on its path, or implied by
     * another grant on the same path ({@code read} by {@code write} or {@code execute},
     * {@code append} by {@code write}); all the grants of a path whose enclosing named path grants
     * exactly the same rights (these go together: one alone may narrow; a path granting less or
     * more than its enclosing path narrows or widens, so it is not redundant); a deny that no grant encloses ({@code DEFAULT_DENY}); a deny whose enclosing
     * named path is already denied, or that repeats a deny.
     */
    public List<Redundancy> redundant() {
        return Collections.unmodifiableList(redundant);
    }

    private Access accessOf(PathTrie.Node node) {
        if (!node.denies.isEmpty()) {
            return Access.none();
        }
        EnumSet<FsMode> modes = EnumSet.noneOf(FsMode.class);
        for (int grant : node.grants) {
            modes.add(rules.get(grant).mode());
        }
        return Access.of(modes);
    }

    private void visit(PathTrie.Node node, PathTrie.Node enclosing) {
        GrantModes modes = new GrantModes(node.grants, rules);
        visited.put(node, modes);
        boolean conflict = !node.grants.isEmpty() && !node.denies.isEmpty();
        Access access = node.denies.isEmpty() ? modes.access() : Access.none();
        entries.add(new FsEntry(node.path, access, conflict, Optional.ofNullable(enclosing).map(n -> n.path)));
        if (conflict) {
            conflicts.add(new Conflict(node.grants, node.denies));
        }
        for (int later = 1; later < node.denies.size(); later++) {
            redundant.add(Redundancy.coveredBy(node.denies.get(later), node.denies.get(0)));
        }
        if (!node.denies.isEmpty()) {
            checkDeny(node, enclosing, conflict);
            return;
        }
        checkGrants(node, modes, enclosing);
    }

    private void checkDeny(PathTrie.Node node, PathTrie.Node enclosing, boolean conflict) {
        if (conflict) {
            return;
        }
        if (enclosing == null) {
            redundant.add(Redundancy.defaultDeny(node.denies.get(0)));
        } else if (!enclosing.denies.isEmpty()) {
            redundant.add(Redundancy.coveredBy(node.denies.get(0), enclosing.denies.get(0)));
        }
    }

    /**
     * A path whose enclosing named path grants exactly the same rights adds nothing: all its
     * grants are reported, against the enclosing grant that gives each mode. Otherwise a grant is
     * reported when it repeats one on its path or another grant there implies it.
     */
    private void checkGrants(PathTrie.Node node, GrantModes modes, PathTrie.Node enclosing) {
        GrantModes outer = enclosing == null ? null : visited.get(enclosing);
        boolean sameAsEnclosing = enclosing != null && enclosing.denies.isEmpty()
                && outer.access().rights().equals(modes.access().rights());
        // A grant of the enclosing path is never the grant itself, and one of the same mode there
        // counts whatever its place; firstCovering asks both alike.
        GrantModes candidates = sameAsEnclosing ? outer : modes;
        for (int grant : node.grants) {
            int other = candidates.firstCovering(grant, rules.get(grant).mode());
            if (other >= 0) {
                redundant.add(Redundancy.coveredBy(grant, other));
            }
        }
    }
}

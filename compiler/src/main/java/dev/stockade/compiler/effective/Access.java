package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.FsMode;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The grants that decide one path: a set of {@code read}, {@code write}, {@code append} and
 * {@code execute}; empty means denied. {@link #rights()} closes the set under what the language
 * says each grant includes: {@code write} reads and appends, {@code execute} reads what it runs.
 */
public record Access(Set<FsMode> modes) {

    private static final Access NONE = new Access(Set.of());
    // At most 15 distinct values exist; a fleet resolves one per named path, so they are shared.
    private static final Map<Set<FsMode>, Access> SHARED = new ConcurrentHashMap<>();

    public Access {
        if (modes.contains(FsMode.DENY)) {
            throw new IllegalArgumentException("deny is the empty access, not a mode");
        }
        modes = modes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(modes));
    }

    public static Access none() {
        return NONE;
    }

    public static Access of(FsMode... modes) {
        return of(List.of(modes));
    }

    public static Access of(Collection<FsMode> modes) {
        return modes.isEmpty() ? NONE : SHARED.computeIfAbsent(EnumSet.copyOf(modes), Access::new);
    }

    public boolean isDenied() {
        return modes.isEmpty();
    }

    /** Whether a statement of this mode grants the path (not counting implied rights). */
    public boolean has(FsMode mode) {
        return modes.contains(mode);
    }

    /** The modes with their implied rights: read from write or execute, append from write. */
    public Set<FsMode> rights() {
        EnumSet<FsMode> rights = modes.isEmpty() ? EnumSet.noneOf(FsMode.class) : EnumSet.copyOf(modes);
        if (modes.contains(FsMode.WRITE) || modes.contains(FsMode.EXECUTE)) {
            rights.add(FsMode.READ);
        }
        if (modes.contains(FsMode.WRITE)) {
            rights.add(FsMode.APPEND);
        }
        return Collections.unmodifiableSet(rights);
    }

    /** Whether the path may be used in {@code mode}, directly or as an implied right. */
    public boolean allows(FsMode mode) {
        return rights().contains(mode);
    }

    /** Whether this access allows at least everything {@code other} allows. */
    public boolean covers(Access other) {
        return rights().containsAll(other.rights());
    }

    public Access union(Access other) {
        EnumSet<FsMode> union = EnumSet.noneOf(FsMode.class);
        union.addAll(modes);
        union.addAll(other.modes);
        return of(union);
    }

    /** {@code read+write} in mode order, or {@code deny}. */
    @Override
    public String toString() {
        return modes.isEmpty() ? "deny" : modes.stream().map(FsMode::keyword).collect(Collectors.joining("+"));
    }
}

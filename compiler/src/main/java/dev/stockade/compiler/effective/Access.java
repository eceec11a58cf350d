package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.FsMode;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grants that decide one path: a set of {@code read}, {@code write}, {@code append} and
 * {@code execute}; empty means denied. {@link #rights()} closes the set under what the language
 * says each grant includes: {@code write} reads and appends, {@code execute} reads what it runs.
 */
public record Access(Set<FsMode> modes) {

    private static final Access NONE = new Access(Set.of());
    // At most 15 distinct values exist; a fleet resolves one per named path, so they are shared,
    // by the bit set of their modes' ordinals (the slots of masks with DENY stay empty).
    private static final Access[] SHARED = shared();

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
        int mask = 0;
        for (FsMode mode : modes) {
            mask |= 1 << mode.ordinal();
        }
        Access shared = SHARED[mask];
        // Only a set with DENY has no shared value: the constructor rejects it.
        return shared != null ? shared : new Access(EnumSet.copyOf(modes));
    }

    private static Access[] shared() {
        Access[] shared = new Access[1 << FsMode.values().length];
        shared[0] = NONE;
        for (int mask = 1; mask < shared.length; mask++) {
            EnumSet<FsMode> modes = EnumSet.noneOf(FsMode.class);
            for (FsMode mode : FsMode.values()) {
                if ((mask & 1 << mode.ordinal()) != 0) {
                    modes.add(mode);
                }
            }
            shared[mask] = modes.contains(FsMode.DENY) ? null : new Access(modes);
        }
        return shared;
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
        EnumSet<FsMode> rights = EnumSet.noneOf(FsMode.class);
        for (FsMode mode : FsMode.values()) {
            if (allows(mode)) {
                rights.add(mode);
            }
        }
        return Collections.unmodifiableSet(rights);
    }

    /**
     * Whether the path may be used in {@code mode}, directly or as an implied right: read from
     * write or execute, append from write. Asked for every path by every check and target, so it
     * builds no set.
     */
    public boolean allows(FsMode mode) {
        return modes.contains(mode)
                || mode == FsMode.READ && (modes.contains(FsMode.WRITE) || modes.contains(FsMode.EXECUTE))
                || mode == FsMode.APPEND && modes.contains(FsMode.WRITE);
    }

    /** Whether this access allows at least everything {@code other} allows. */
    public boolean covers(Access other) {
        for (FsMode mode : FsMode.values()) {
            if (other.allows(mode) && !allows(mode)) {
                return false;
            }
        }
        return true;
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

package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.FsMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * The grants written on one named path, by mode: the first grant of each mode and the access
 * they give together. Which grant covers another then takes one look per mode, not a scan of
 * every grant of the path, however many repeat one mode.
 */
final class GrantModes {

    private static final FsMode[] MODES = FsMode.values();
    /** By ordinals: whether a grant of the first mode allows the second ({@code write} allows {@code read}). */
    private static final boolean[][] ALLOWS = allows();

    /** By mode ordinal, the first grant's rule index; -1 where no grant has the mode. */
    private final int[] first = new int[MODES.length];
    private final Access access;

    /**
     * {@code grants} are rule indices in ascending order (a path's rules are added in rule order),
     * so the first grant of a mode in the list is also the earliest rule of that mode.
     */
    GrantModes(List<Integer> grants, List<FsRule> rules) {
        Arrays.fill(first, -1);
        EnumSet<FsMode> modes = EnumSet.noneOf(FsMode.class);
        for (int grant : grants) {
            FsMode mode = rules.get(grant).mode();
            if (first[mode.ordinal()] < 0) {
                first[mode.ordinal()] = grant;
            }
            modes.add(mode);
        }
        access = Access.of(modes);
    }

    /** What the grants allow together (the path's access when no deny is written there). */
    Access access() {
        return access;
    }

    /**
     * The earliest of these grants that makes grant {@code grant} of {@code mode} needless: one of
     * a mode that implies {@code mode}, or one of the same mode other than {@code grant} itself
     * (when {@code grant} is one of these, the earliest of its mode is before it or is itself);
     * -1 if none does. The earliest in rule order is the first in list order, which is what a
     * scan of the list in order would find.
     */
    int firstCovering(int grant, FsMode mode) {
        int found = -1;
        for (FsMode other : MODES) {
            int candidate = first[other.ordinal()];
            if (candidate < 0 || (found >= 0 && candidate > found)) {
                continue;
            }
            boolean covers = other == mode ? candidate != grant : ALLOWS[other.ordinal()][mode.ordinal()];
            if (covers) {
                found = candidate;
            }
        }
        return found;
    }

    private static boolean[][] allows() {
        boolean[][] table = new boolean[MODES.length][MODES.length];
        for (FsMode grant : MODES) {
            for (FsMode mode : MODES) {
                table[grant.ordinal()][mode.ordinal()] = grant != FsMode.DENY && Access.of(grant).allows(mode);
            }
        }
        return table;
    }
}

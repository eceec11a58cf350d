package dev.stockade.compiler.effective;

import java.util.OptionalInt;

/**
 * A rule that changes nothing. Removing all reported rules together leaves every query answer the
 * same, and so does removing any one of them alone, with one exception: the grants of a path whose
 * enclosing path grants the same rights are all reported and go together (see
 * {@link FsGrants#redundant()}). Indices are into the rule list the grants were built from.
 *
 * @param rule the redundant rule
 * @param reason why it changes nothing
 * @param coveredBy the rule that already decides the same, for {@link Reason#COVERED}
 */
public record Redundancy(int rule, Reason reason, OptionalInt coveredBy) {

    public enum Reason {
        /** Another rule already grants as much here, or already denies here. */
        COVERED,
        /** A deny that no grant encloses: the default deny already holds. */
        DEFAULT_DENY
    }

    public static Redundancy coveredBy(int rule, int by) {
        return new Redundancy(rule, Reason.COVERED, OptionalInt.of(by));
    }

    public static Redundancy defaultDeny(int rule) {
        return new Redundancy(rule, Reason.DEFAULT_DENY, OptionalInt.empty());
    }
}

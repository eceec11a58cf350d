package dev.stockade.dsl.diagnostic;

/** Whether {@code accept RULE because "..."} can waive a rule's findings (the spec's "waivable" column). */
public enum Waivability {
    /** An {@code accept} turns the findings into accepted findings. */
    YES,
    /** Not waivable: the rule describes the waiver machinery or the build itself. */
    NO,
    /** Never waivable: the finding is a defect no reason can excuse. */
    NEVER;

    public boolean waivable() {
        return this == YES;
    }
}

package org.wispcrm.billing.policy;

/** How the partial period between activation and the first billing day is invoiced. */
public enum FirstPeriodRule {
    /** On its own invoice, prorated by days (the default). */
    SEPARATE,
    /** Together with the next full period, on one invoice dated on activation. */
    MERGE_WITH_NEXT
}

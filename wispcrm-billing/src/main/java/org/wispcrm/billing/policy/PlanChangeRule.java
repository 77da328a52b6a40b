package org.wispcrm.billing.policy;

/** How a plan change in the middle of a period is billed. */
public enum PlanChangeRule {
    /** Credit the unused days of the old plan and charge the same days of the new one (the default). */
    PRORATE,
    /** Bill the whole period at the plan in force on its first day; the new plan counts from the next period. */
    NEXT_PERIOD
}

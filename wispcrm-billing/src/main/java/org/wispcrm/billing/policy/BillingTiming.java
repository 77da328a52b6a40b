package org.wispcrm.billing.policy;

/** When a period of service is invoiced. */
public enum BillingTiming {
    /** On the first day of the period, for the period ahead (the default; usual for prepaid internet). */
    IN_ADVANCE,
    /** On the day after the period ends, for the period just served. */
    IN_ARREARS
}

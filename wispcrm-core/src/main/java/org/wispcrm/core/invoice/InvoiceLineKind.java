package org.wispcrm.core.invoice;

/** What an invoice line bills; the sign of its amount follows from it. */
public enum InvoiceLineKind {
    /** A full period of a subscription's plan. */
    RECURRING,
    /** Part of a period of a plan (first period, cancellation, plan change), prorated by days. */
    PRORATED,
    /** A one-time charge (installation, equipment, reconnection, other). */
    ONE_TIME_CHARGE,
    /** A discount; negative. */
    DISCOUNT,
    /** A fee for paying an earlier invoice late. */
    LATE_FEE,
    /** The unused part of the old plan after a plan change; negative. */
    PLAN_CHANGE_CREDIT,
    /** Customer credit (an earlier overpayment or credit note) used to pay this invoice; negative, untaxed. */
    CREDIT_APPLIED,
    /** Cash rounding so the total is payable in the currency's smallest coin or note; untaxed, either sign. */
    ROUNDING;

    /** Whether lines of this kind reduce the total (their amounts are zero or negative). */
    public boolean isReduction() {
        return this == DISCOUNT || this == PLAN_CHANGE_CREDIT || this == CREDIT_APPLIED;
    }

    /** Whether lines of this kind are part of the taxable subtotal (all but credit applied and rounding). */
    public boolean inSubtotal() {
        return this != CREDIT_APPLIED && this != ROUNDING;
    }
}

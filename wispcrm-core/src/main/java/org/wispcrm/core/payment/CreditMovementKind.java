package org.wispcrm.core.payment;

/** Why a customer's credit balance moved. */
public enum CreditMovementKind {
    /** A payment left an amount no open invoice took (credit up). */
    OVERPAYMENT,
    /** A credit note covered an invoice that was already paid (credit up). */
    CREDIT_NOTE,
    /** Credit paid part of a new invoice (credit down). */
    APPLIED_TO_INVOICE,
    /** A reversed payment takes back credit it had created (credit down). */
    PAYMENT_REVERSED,
    /** A manual correction by a clerk (either way). */
    ADJUSTMENT
}

package org.wispcrm.core.payment;

/** Where a payment stands: {@code RECORDED -> REVERSED}; a reversed payment stays on record. */
public enum PaymentStatus {
    /** Received and applied. */
    RECORDED,
    /** Taken back (a bounced transfer, a chargeback); what it paid was reopened. */
    REVERSED
}

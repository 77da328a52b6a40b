package org.wispcrm.core.invoice;

/**
 * Where an invoice stands: {@code DRAFT} (a preview, unnumbered, never saved by billing) then {@code ISSUED},
 * {@code PARTIALLY_PAID}, {@code PAID} as payments and credit notes reduce its balance, or {@code VOID} once
 * credit notes cover its whole total.
 */
public enum InvoiceStatus {
    /** Computed but not issued: no number, not owed. */
    DRAFT,
    /** Issued, nothing paid or credited yet. */
    ISSUED,
    /** Issued, partly paid or credited. */
    PARTIALLY_PAID,
    /** Nothing left to pay. */
    PAID,
    /** Fully cancelled by credit notes. */
    VOID;

    /** Whether an invoice in this status is still owed (issued with a balance). */
    public boolean isOpen() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}

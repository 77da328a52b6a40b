package org.wispcrm.core.notification;

/** What a notification tells the customer; each kind has its own templates. */
public enum NotificationKind {
    /** A new invoice, with its PDF. */
    INVOICE_ISSUED,
    /** A credit note, with its PDF. */
    CREDIT_NOTE_ISSUED,
    /** A payment was received, with the receipt. */
    PAYMENT_RECEIVED,
    /** An invoice falls due soon. */
    PAYMENT_REMINDER,
    /** An invoice is overdue. */
    OVERDUE_NOTICE,
    /** Service was cut for non-payment. */
    SERVICE_SUSPENDED,
    /** Service is back. */
    SERVICE_RESTORED,
    /** A technician visit was scheduled. */
    ORDER_SCHEDULED,
    /** A technician visit was completed. */
    ORDER_COMPLETED,
    /** A support ticket changed. */
    TICKET_UPDATED,
    /** An account statement, with its PDF. */
    STATEMENT
}

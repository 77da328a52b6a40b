package org.wispcrm.billing.document;

import org.wispcrm.core.common.PaymentId;
import org.wispcrm.core.invoice.InvoiceNumber;

/**
 * The idempotency keys of the messages that carry a document: {@code invoice-issued:FE-000123},
 * {@code credit-note-issued:NC-000004}, {@code payment-received:<payment id>}. The service that enqueues a message
 * and the one that stores its document both take the key from here, so the second can tell the outbox that the
 * message's attachment is stored ({@code NotificationOutbox.markAttachmentsStored}).
 */
public final class DocumentMessageKeys {
    private DocumentMessageKeys() {}

    /** The message telling the customer an invoice was issued. */
    public static String invoiceIssued(InvoiceNumber number) {
        return "invoice-issued:" + number.value();
    }

    /** The message telling the customer a credit note was issued. */
    public static String creditNoteIssued(InvoiceNumber number) {
        return "credit-note-issued:" + number.value();
    }

    /** The receipt of a payment. */
    public static String paymentReceived(PaymentId payment) {
        return "payment-received:" + payment;
    }
}

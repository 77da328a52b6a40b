package org.wispcrm.billing.document;

import java.time.LocalDate;
import java.util.Locale;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.InvoiceNumber;

/**
 * Deterministic document keys, so rendering a document again overwrites it instead of creating another:
 * {@code invoices/2026/11/FE-000123.pdf}, {@code credit-notes/2026/11/NC-000004.pdf},
 * {@code receipts/2026/11/<payment id>.pdf}.
 */
public final class DocumentKeys {
    private DocumentKeys() {}

    /** Where an invoice's PDF is stored. */
    public static DocumentKey invoice(InvoiceNumber number, LocalDate issueDate) {
        return key("invoices", issueDate, number.value());
    }

    /** Where a credit note's PDF is stored. */
    public static DocumentKey creditNote(InvoiceNumber number, LocalDate issueDate) {
        return key("credit-notes", issueDate, number.value());
    }

    /** Where a payment receipt's PDF is stored. */
    public static DocumentKey receipt(String paymentId, LocalDate receivedOn) {
        return key("receipts", receivedOn, paymentId);
    }

    private static DocumentKey key(String folder, LocalDate date, String name) {
        return DocumentKey.of(
                folder,
                String.valueOf(date.getYear()),
                String.format(Locale.ROOT, "%02d", date.getMonthValue()),
                name + ".pdf");
    }
}

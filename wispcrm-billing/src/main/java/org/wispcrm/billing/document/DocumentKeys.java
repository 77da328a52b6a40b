package org.wispcrm.billing.document;

import java.time.LocalDate;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.InvoiceNumber;

/**
 * Deterministic document keys, so rendering a document again overwrites it instead of creating another:
 * {@code invoices/2026/11/FE-000123.pdf}, {@code credit-notes/2026/11/NC-000004.pdf},
 * {@code receipts/2026/11/<payment id>.pdf}, {@code statements/2026/11/<customer code>_<last day>.pdf}.
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

    /**
     * Where a customer's statement up to {@code to} is stored: {@code statements/2026/11/C-0042_2026-11-30.pdf}.
     * Characters a key may not hold are replaced by {@code _}.
     */
    public static DocumentKey statement(String customerCode, LocalDate to) {
        String code = customerCode.strip().replaceAll("[^A-Za-z0-9-]", "_");
        if (code.isEmpty() || !Character.isLetterOrDigit(code.charAt(0))) {
            code = "c" + code;
        }
        if (code.length() > 100) {
            code = code.substring(0, 100);
        }
        return key("statements", to, code + "_" + to);
    }

    private static DocumentKey key(String folder, LocalDate date, String name) {
        int month = date.getMonthValue();
        // by hand, not String.format: a billing run derives a key for every invoice
        return DocumentKey.of(folder, String.valueOf(date.getYear()), (month < 10 ? "0" : "") + month, name + ".pdf");
    }
}

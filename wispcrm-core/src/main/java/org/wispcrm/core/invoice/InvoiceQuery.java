package org.wispcrm.core.invoice;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;

/**
 * Criteria for an invoice search; null criteria match everything. Results are ordered by issue date, then id.
 *
 * @param customerId exact customer
 * @param status exact status
 * @param issuedFrom first issue date included
 * @param issuedBefore first issue date excluded
 */
public record InvoiceQuery(
        @Nullable CustomerId customerId,
        @Nullable InvoiceStatus status,
        @Nullable LocalDate issuedFrom,
        @Nullable LocalDate issuedBefore) {

    /** Matches every invoice. */
    public static InvoiceQuery all() {
        return new InvoiceQuery(null, null, null, null);
    }

    /** Invoices issued from {@code from} (inclusive) to {@code before} (exclusive). */
    public static InvoiceQuery issuedBetween(LocalDate from, LocalDate before) {
        return new InvoiceQuery(null, null, from, before);
    }

    /** Whether an invoice matches; the reference semantics for adapters. */
    public boolean matches(Invoice invoice) {
        return (customerId == null || customerId.equals(invoice.customerId()))
                && (status == null || status == invoice.status())
                && (issuedFrom == null || !invoice.issueDate().isBefore(issuedFrom))
                && (issuedBefore == null || invoice.issueDate().isBefore(issuedBefore));
    }
}

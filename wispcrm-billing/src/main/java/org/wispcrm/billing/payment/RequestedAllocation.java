package org.wispcrm.billing.payment;

import java.util.Objects;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.invoice.InvoiceNumber;

/**
 * A payer's instruction to apply a payment to a named invoice.
 *
 * @param invoiceNumber the invoice to pay
 * @param amount how much of the payment goes to it, or null for as much as its balance (and the payment) allows
 */
public record RequestedAllocation(
        InvoiceNumber invoiceNumber, @Nullable MonetaryAmount amount) {
    /** Rejects a missing number. */
    public RequestedAllocation {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    }

    /** As much as the invoice's balance allows. */
    public static RequestedAllocation of(InvoiceNumber invoiceNumber) {
        return new RequestedAllocation(invoiceNumber, null);
    }
}

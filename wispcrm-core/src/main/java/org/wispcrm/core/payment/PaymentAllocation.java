package org.wispcrm.core.payment;

import java.util.Objects;
import javax.money.MonetaryAmount;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.InvoiceNumber;

/**
 * The part of a payment applied to one invoice.
 *
 * @param invoiceId the invoice paid
 * @param invoiceNumber its number, as printed on the receipt
 * @param amount how much of the payment went to it, more than zero
 */
public record PaymentAllocation(InvoiceId invoiceId, InvoiceNumber invoiceNumber, MonetaryAmount amount) {
    /** Rejects missing parts and a non-positive amount. */
    public PaymentAllocation {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        if (amount == null || !amount.isPositive()) {
            throw WispCrmException.invalid("allocation.amount", amount, "must be more than zero");
        }
    }
}

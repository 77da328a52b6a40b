package org.wispcrm.billing.payment;

import java.time.LocalDate;
import java.util.List;
import javax.money.MonetaryAmount;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.payment.PaymentMethod;

/**
 * A payment to record. Fields are validated by {@link PaymentService#record(PaymentRequest)}, which names every bad
 * one at once.
 *
 * @param customerId who paid
 * @param amount how much, more than zero, in the policy's currency
 * @param method how
 * @param externalReference the bank's or gateway's reference; recording it again returns the first payment
 * @param receivedOn the day the money arrived
 * @param allocations invoices to pay, in order; empty to pay open invoices oldest due first
 */
public record PaymentRequest(
        CustomerId customerId,
        MonetaryAmount amount,
        PaymentMethod method,
        String externalReference,
        LocalDate receivedOn,
        List<RequestedAllocation> allocations) {

    /** Copies the allocations (null means none). */
    public PaymentRequest {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    /** A payment applied to open invoices oldest due first. */
    public static PaymentRequest of(
            CustomerId customerId,
            MonetaryAmount amount,
            PaymentMethod method,
            String externalReference,
            LocalDate receivedOn) {
        return new PaymentRequest(customerId, amount, method, externalReference, receivedOn, List.of());
    }
}

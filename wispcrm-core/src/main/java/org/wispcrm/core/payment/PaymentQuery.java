package org.wispcrm.core.payment;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;

/**
 * Criteria for a payment search; null criteria match everything. Results are ordered by received date, then id.
 *
 * @param customerId exact customer
 * @param status exact status
 * @param receivedFrom first receipt date included
 * @param receivedBefore first receipt date excluded
 */
public record PaymentQuery(
        @Nullable CustomerId customerId,
        @Nullable PaymentStatus status,
        @Nullable LocalDate receivedFrom,
        @Nullable LocalDate receivedBefore) {

    /** Matches every payment. */
    public static PaymentQuery all() {
        return new PaymentQuery(null, null, null, null);
    }

    /** Payments received from {@code from} (inclusive) to {@code before} (exclusive). */
    public static PaymentQuery receivedBetween(LocalDate from, LocalDate before) {
        return new PaymentQuery(null, null, from, before);
    }

    /** Whether a payment matches; the reference semantics for adapters. */
    public boolean matches(Payment payment) {
        return (customerId == null || customerId.equals(payment.customerId()))
                && (status == null || status == payment.status())
                && (receivedFrom == null || !payment.receivedOn().isBefore(receivedFrom))
                && (receivedBefore == null || payment.receivedOn().isBefore(receivedBefore));
    }
}

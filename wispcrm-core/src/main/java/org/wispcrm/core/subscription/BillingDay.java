package org.wispcrm.core.subscription;

import java.time.LocalDate;
import org.wispcrm.core.common.WispCrmException;

/**
 * The day of the month a subscription's billing period starts. Limited to 1..28 so that every month has it.
 *
 * @param value the day, 1 to 28
 */
public record BillingDay(int value) {

    /** Rejects days outside 1..28. */
    public BillingDay {
        if (value < 1 || value > 28) {
            throw WispCrmException.invalid("billingDay", value, "must be between 1 and 28");
        }
    }

    /** The billing day. */
    public static BillingDay of(int value) {
        return new BillingDay(value);
    }

    /** The date's day of month, with 29, 30 and 31 clamped to 28. */
    public static BillingDay clampedFrom(LocalDate date) {
        return new BillingDay(Math.min(date.getDayOfMonth(), 28));
    }

    /** The start of the billing period that contains {@code date}. */
    public LocalDate periodStartOn(LocalDate date) {
        LocalDate inMonth = date.withDayOfMonth(value);
        return inMonth.isAfter(date) ? inMonth.minusMonths(1) : inMonth;
    }
}

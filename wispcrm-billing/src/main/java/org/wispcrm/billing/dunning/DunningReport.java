package org.wispcrm.billing.dunning;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.wispcrm.billing.invoice.BillingFailure;

/**
 * What a dunning run did on a day. Counts only what this run changed: a second run on the same day reports zeros.
 *
 * @param date the day
 * @param invoicesExamined open invoices due soon or overdue that were looked at
 * @param reminders payment reminders enqueued
 * @param overdueNotices overdue notices enqueued
 * @param lateFees late-fee charges created
 * @param suspensions customers suspended
 * @param failures invoices that could not be processed, by customer, with reasons
 */
public record DunningReport(
        LocalDate date,
        long invoicesExamined,
        long reminders,
        long overdueNotices,
        long lateFees,
        long suspensions,
        List<BillingFailure> failures) {
    /** Copies the failures. */
    public DunningReport {
        Objects.requireNonNull(date, "date");
        failures = List.copyOf(failures);
    }
}

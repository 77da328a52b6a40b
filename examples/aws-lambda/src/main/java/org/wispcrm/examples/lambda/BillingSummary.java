package org.wispcrm.examples.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wispcrm.billing.document.MessageValues;
import org.wispcrm.billing.dunning.DunningReport;
import org.wispcrm.billing.invoice.BillingFailure;
import org.wispcrm.billing.invoice.BillingRunReport;

/**
 * What {@link FacturacionProgramada} did on a day, as the function's JSON result and log line.
 *
 * @param day the ISP's day billed, ISO ({@code 2026-11-01})
 * @param customers customers looked at by the billing run
 * @param invoiced invoices issued
 * @param alreadyBilled periods found invoiced already (a second invocation for the day)
 * @param skipped customers with nothing to bill that day
 * @param totals the issued invoices' totals by currency, as plain amounts ({@code "COP" -> "178500.00"})
 * @param reminders payment reminders queued by dunning
 * @param overdueNotices overdue notices queued
 * @param lateFees late fees charged
 * @param suspensions customers suspended
 * @param failures customers or invoices that failed, with the reason (customer id and error code, no personal data)
 */
public record BillingSummary(
        String day,
        long customers,
        long invoiced,
        long alreadyBilled,
        long skipped,
        Map<String, String> totals,
        long reminders,
        long overdueNotices,
        long lateFees,
        long suspensions,
        List<String> failures) {

    /** Most failures listed; the rest are counted in the logs of the services. */
    static final int MAX_FAILURES = 20;

    /** Copies the collections. */
    public BillingSummary {
        totals = Map.copyOf(totals);
        failures = List.copyOf(failures);
    }

    /** The summary of a billing run and the dunning run that followed it. */
    public static BillingSummary of(BillingRunReport billing, DunningReport dunning) {
        var totals = new TreeMap<String, String>();
        billing.totals().forEach((currency, amount) -> totals.put(currency, MessageValues.plain(amount)));
        var failures = new ArrayList<String>();
        for (BillingFailure f : billing.failures()) {
            failures.add("billing " + f.customerId() + " " + f.code() + ": " + f.reason());
        }
        for (BillingFailure f : dunning.failures()) {
            failures.add("dunning " + f.customerId() + " " + f.code() + ": " + f.reason());
        }
        return new BillingSummary(
                billing.date().toString(),
                billing.customers(),
                billing.invoiced(),
                billing.alreadyBilled(),
                billing.skipped(),
                totals,
                dunning.reminders(),
                dunning.overdueNotices(),
                dunning.lateFees(),
                dunning.suspensions(),
                failures.subList(0, Math.min(failures.size(), MAX_FAILURES)));
    }

    /** Whether nothing failed. */
    public boolean succeeded() {
        return failures.isEmpty();
    }
}

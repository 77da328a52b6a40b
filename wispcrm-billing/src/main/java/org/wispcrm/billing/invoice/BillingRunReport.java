package org.wispcrm.billing.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.wispcrm.core.invoice.Invoice;

/**
 * What a billing run did.
 *
 * @param date the run's date
 * @param dryRun whether it was a preview (nothing saved, no number taken)
 * @param customers customers looked at
 * @param invoiced invoices issued (or previewed, in a dry run)
 * @param alreadyBilled periods found already invoiced (a re-run, another host)
 * @param skipped customers with nothing to bill on the date
 * @param failures customers left out, with reasons
 * @param totals sum of the invoices' totals by ISO currency code
 * @param previews the draft invoices of a dry run (empty for a real run: use the listener to see every invoice)
 */
public record BillingRunReport(
        LocalDate date,
        boolean dryRun,
        long customers,
        long invoiced,
        long alreadyBilled,
        long skipped,
        List<BillingFailure> failures,
        Map<String, MonetaryAmount> totals,
        List<Invoice> previews) {

    /** Copies the collections. */
    public BillingRunReport {
        Objects.requireNonNull(date, "date");
        failures = List.copyOf(failures);
        totals = Map.copyOf(totals);
        previews = List.copyOf(previews);
    }

    /** Whether no customer failed. */
    public boolean succeeded() {
        return failures.isEmpty();
    }
}

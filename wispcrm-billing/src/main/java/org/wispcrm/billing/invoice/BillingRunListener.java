package org.wispcrm.billing.invoice;

import org.wispcrm.core.invoice.Invoice;

/**
 * Follows a billing run, for progress bars and logs. Called on the run's thread after each chunk of customers
 * commits, so it only ever sees committed invoices; it should return quickly.
 */
public interface BillingRunListener {
    /** A listener that ignores everything. */
    BillingRunListener NONE = new BillingRunListener() {};

    /** An invoice was issued (or, in a dry run, previewed). */
    default void invoiced(Invoice invoice) {}

    /** A customer failed and was left out. */
    default void failed(BillingFailure failure) {}

    /** Another chunk is done; {@code customersDone} customers were looked at so far. */
    default void progress(long customersDone) {}
}

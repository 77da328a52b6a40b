package org.wispcrm.core.invoice;

/**
 * Hands out gap-free invoice numbers per series ("FE", "NC"…), as tax authorities require.
 *
 * <p>Gap-free needs the number to be taken inside the same {@code TransactionRunner} unit of work that saves the
 * invoice: if the unit rolls back, the number is handed out again; if it commits, it is never handed out again, by
 * any thread or process sharing the store.
 */
public interface InvoiceNumberSequence {

    /** The next number of the series, starting at 1. */
    long next(String series);

    /** The last number handed out and committed in the series, 0 if none. */
    long current(String series);
}

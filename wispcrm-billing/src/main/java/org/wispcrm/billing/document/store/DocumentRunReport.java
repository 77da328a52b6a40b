package org.wispcrm.billing.document.store;

import java.util.List;

/**
 * What {@link DocumentService#renderMissing()} did.
 *
 * @param examined issued invoices looked at
 * @param rendered invoices whose PDF was rendered and stored now
 * @param recorded invoices whose PDF was already stored (an earlier attempt stopped before recording its key) and
 *     whose key was recorded now
 * @param failures invoices still without a PDF, with why; the next attempt tries them again
 */
public record DocumentRunReport(long examined, long rendered, long recorded, List<Failure> failures) {

    /** Copies the failures. */
    public DocumentRunReport {
        failures = List.copyOf(failures);
    }

    /**
     * An invoice whose PDF could not be produced this time.
     *
     * @param number the invoice's number
     * @param reason the error's message
     */
    public record Failure(String number, String reason) {}
}

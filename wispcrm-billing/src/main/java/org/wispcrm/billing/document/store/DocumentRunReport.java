package org.wispcrm.billing.document.store;

import java.util.List;

/**
 * What {@link DocumentService#renderMissing()} did.
 *
 * @param examined documents without a recorded PDF that were looked at (invoices, credit notes, payments)
 * @param rendered documents whose PDF was rendered and stored now
 * @param recorded documents whose PDF was already stored (an earlier attempt stopped before recording its key) and
 *     whose key was recorded now
 * @param failures documents still without a PDF, with why; the next attempt tries them again
 */
public record DocumentRunReport(long examined, long rendered, long recorded, List<Failure> failures) {

    /** Copies the failures. */
    public DocumentRunReport {
        failures = List.copyOf(failures);
    }

    /**
     * A document whose PDF could not be produced this time.
     *
     * @param document which one, such as {@code invoice FE-000123} or {@code receipt NEQUI-778899}
     * @param reason the error's message
     */
    public record Failure(String document, String reason) {}
}

package org.wispcrm.examples.lambda;

import org.wispcrm.billing.document.store.DocumentRunReport;
import org.wispcrm.core.notification.dispatch.DispatchReport;

/**
 * What one {@link NotificacionService} invocation did, as the function's JSON result and log line.
 *
 * @param pdfsRendered invoice PDFs that were missing and were rendered and stored before sending
 * @param pdfFailures invoice PDFs that still could not be stored (their messages wait and are retried)
 * @param sent messages a provider accepted
 * @param retried messages that failed transiently and are due again later
 * @param deadLettered messages given up
 * @param redelivered messages claimed again after a worker died holding them (possible duplicates)
 */
public record DispatchSummary(
        long pdfsRendered, int pdfFailures, int sent, int retried, int deadLettered, int redelivered) {

    /** The summary of a PDF catch-up and a dispatch pass. */
    public static DispatchSummary of(DocumentRunReport documents, DispatchReport dispatch) {
        return new DispatchSummary(
                documents.rendered(),
                documents.failures().size(),
                dispatch.sent(),
                dispatch.retried(),
                dispatch.deadLettered(),
                dispatch.redelivered());
    }
}

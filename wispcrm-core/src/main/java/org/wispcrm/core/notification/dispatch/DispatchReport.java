package org.wispcrm.core.notification.dispatch;

/**
 * What one dispatch pass did.
 *
 * @param sent messages a provider accepted
 * @param retried messages that failed transiently and are due again later
 * @param deadLettered messages given up (permanent failure or retries exhausted)
 * @param redelivered claimed messages whose previous claim ended without a recorded outcome, because a worker died
 *     holding them. Each may be a duplicate (if the dead worker's send had been accepted) or a first delivery (if
 *     the worker died before reaching it), so this bounds the duplicates from above: every duplicate is counted
 *     here
 */
public record DispatchReport(int sent, int retried, int deadLettered, int redelivered) {

    /** Nothing done. */
    public static DispatchReport empty() {
        return new DispatchReport(0, 0, 0, 0);
    }

    /** The sum of two reports. */
    public DispatchReport plus(DispatchReport other) {
        return new DispatchReport(
                sent + other.sent,
                retried + other.retried,
                deadLettered + other.deadLettered,
                redelivered + other.redelivered);
    }

    /** Messages handled in total. */
    public int handled() {
        return sent + retried + deadLettered;
    }
}

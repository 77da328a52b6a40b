package org.wispcrm.examples.lambda;

/**
 * Thrown after a scheduled job finished with some customers or messages failing, so that the invocation counts as
 * an error (CloudWatch's {@code Errors} metric, EventBridge's retry). Every step is idempotent, so a retry only
 * redoes what failed. The message carries the job's JSON summary.
 */
public final class JobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with the job's summary. */
    public JobFailedException(String message) {
        super(message);
    }
}

package org.wispcrm.billing.invoice;

import java.util.Objects;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;

/**
 * A customer a billing run could not invoice, and why; the rest of the run went on without it.
 *
 * @param customerId the customer
 * @param code the error's code ({@code PERSISTENCE_FAILURE} for failures that are not WISP CRM errors)
 * @param reason the error's message
 */
public record BillingFailure(CustomerId customerId, ErrorCode code, String reason) {
    /** Rejects missing parts. */
    public BillingFailure {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}

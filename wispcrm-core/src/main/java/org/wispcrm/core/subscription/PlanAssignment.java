package org.wispcrm.core.subscription;

import java.time.LocalDate;
import java.util.Objects;
import org.wispcrm.core.common.PlanId;

/**
 * A plan a subscription is on from a date.
 *
 * @param planId the plan
 * @param effectiveFrom first day on the plan
 */
public record PlanAssignment(PlanId planId, LocalDate effectiveFrom) {
    /** Rejects missing parts. */
    public PlanAssignment {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}

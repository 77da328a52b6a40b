package org.wispcrm.core.subscription;

import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.PlanId;

/**
 * Criteria for listing subscriptions; null criteria match everything. Results are ordered by id (creation time).
 *
 * @param customerId exact customer
 * @param planId current plan
 * @param status exact status
 */
public record SubscriptionQuery(
        @Nullable CustomerId customerId,
        @Nullable PlanId planId,
        @Nullable SubscriptionStatus status) {

    /** Matches every subscription. */
    public static SubscriptionQuery all() {
        return new SubscriptionQuery(null, null, null);
    }

    /** Whether a subscription matches; the reference semantics for adapters. */
    public boolean matches(Subscription subscription) {
        return (customerId == null || customerId.equals(subscription.customerId()))
                && (planId == null || planId.equals(subscription.currentPlanId()))
                && (status == null || status == subscription.status());
    }
}

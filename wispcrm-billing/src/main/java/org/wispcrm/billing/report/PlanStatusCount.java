package org.wispcrm.billing.report;

import org.wispcrm.core.subscription.SubscriptionStatus;

/**
 * How many subscriptions are on a plan in a status.
 *
 * @param planName the plan's name
 * @param status the status
 * @param subscriptions how many
 */
public record PlanStatusCount(String planName, SubscriptionStatus status, long subscriptions) {}

package org.wispcrm.billing.report;

import java.time.LocalDate;
import javax.money.MonetaryAmount;

/**
 * Monthly recurring revenue and average revenue per customer on a day.
 *
 * @param asOf the day
 * @param mrr the monthly prices of active subscriptions (before tax when prices exclude it), less their discounts
 * @param activeSubscriptions active subscriptions
 * @param activeCustomers customers with at least one active subscription
 * @param arpu MRR divided by active customers, rounded to the minor unit (zero without customers)
 */
public record RevenueMetrics(
        LocalDate asOf, MonetaryAmount mrr, long activeSubscriptions, long activeCustomers, MonetaryAmount arpu) {}

package org.wispcrm.billing.report;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Subscriptions lost in a month.
 *
 * @param month the month
 * @param activeAtStart subscriptions in service on its first day
 * @param cancelled subscriptions whose last day of service fell in it
 * @param rate cancelled divided by active at start, to four decimals (0 without subscriptions)
 */
public record ChurnMonth(YearMonth month, long activeAtStart, long cancelled, BigDecimal rate) {}

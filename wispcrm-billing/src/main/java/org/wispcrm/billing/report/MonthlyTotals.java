package org.wispcrm.billing.report;

import java.time.YearMonth;
import javax.money.MonetaryAmount;

/**
 * What was invoiced and collected in a month.
 *
 * @param month the month
 * @param invoiced sum of invoices issued in the month, at their value before customer credit was applied
 * @param credited sum of credit notes issued in the month
 * @param collected sum of payments received in the month that were not reversed
 */
public record MonthlyTotals(
        YearMonth month, MonetaryAmount invoiced, MonetaryAmount credited, MonetaryAmount collected) {}

package org.wispcrm.billing.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import javax.money.MonetaryAmount;

/**
 * How much of what was invoiced in a range has been paid.
 *
 * @param from first issue date included
 * @param before first issue date excluded
 * @param invoiced sum of the totals of invoices issued in the range, less their credit notes
 * @param collected what payments have covered of those invoices so far
 * @param rate collected divided by invoiced, to four decimals (0 when nothing was invoiced)
 */
public record CollectionRate(
        LocalDate from, LocalDate before, MonetaryAmount invoiced, MonetaryAmount collected, BigDecimal rate) {}

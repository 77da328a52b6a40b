package org.wispcrm.billing.report;

import java.time.LocalDate;
import javax.money.MonetaryAmount;

/**
 * Open balances by how long they are overdue.
 *
 * @param asOf the day aged
 * @param current not yet overdue
 * @param days1To30 1 to 30 days overdue
 * @param days31To60 31 to 60 days overdue
 * @param days61To90 61 to 90 days overdue
 * @param over90 more than 90 days overdue
 * @param total every open balance
 */
public record ReceivablesAging(
        LocalDate asOf,
        MonetaryAmount current,
        MonetaryAmount days1To30,
        MonetaryAmount days31To60,
        MonetaryAmount days61To90,
        MonetaryAmount over90,
        MonetaryAmount total) {}

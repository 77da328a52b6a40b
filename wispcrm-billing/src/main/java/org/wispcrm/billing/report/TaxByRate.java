package org.wispcrm.billing.report;

import java.math.BigDecimal;
import javax.money.MonetaryAmount;

/**
 * Tax invoiced at one rate in a range, net of credit notes.
 *
 * @param ratePercent the rate in percent ({@code 19})
 * @param taxable net amounts taxed at the rate
 * @param tax the tax
 */
public record TaxByRate(BigDecimal ratePercent, MonetaryAmount taxable, MonetaryAmount tax) {}

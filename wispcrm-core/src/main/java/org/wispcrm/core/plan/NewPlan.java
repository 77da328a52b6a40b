package org.wispcrm.core.plan;

import java.math.BigDecimal;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator enters to create a plan. Fields are checked by {@link PlanService#create(NewPlan)}, which
 * names every bad one at once.
 *
 * @param name unique, human name ("Hogar 10 Mbps")
 * @param downloadMbps download speed in Mbps
 * @param uploadMbps upload speed in Mbps
 * @param monthlyPrice price of a full month, zero or more
 * @param taxCategory how the plan is taxed, or null for {@link TaxCategory#STANDARD}
 */
public record NewPlan(
        @Nullable String name,
        @Nullable BigDecimal downloadMbps,
        @Nullable BigDecimal uploadMbps,
        @Nullable MonetaryAmount monthlyPrice,
        @Nullable TaxCategory taxCategory) {

    /** A plan with whole-number speeds, taxed at the standard rate. */
    public static NewPlan of(String name, long downloadMbps, long uploadMbps, MonetaryAmount monthlyPrice) {
        return new NewPlan(name, BigDecimal.valueOf(downloadMbps), BigDecimal.valueOf(uploadMbps), monthlyPrice, null);
    }

    /** The same plan in another tax category. */
    public NewPlan withTaxCategory(TaxCategory category) {
        return new NewPlan(name, downloadMbps, uploadMbps, monthlyPrice, category);
    }
}

package org.wispcrm.billing.invoice;

import java.util.Objects;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.plan.TaxCategory;

/**
 * A line before tax is worked out: an amount already rounded to the currency's minor unit, which is a price before
 * tax or, when the policy says prices include tax, the amount the customer pays for the line.
 *
 * @param kind the line's kind
 * @param description as printed
 * @param subscriptionId the subscription billed, if any
 * @param chargeId the one-time charge billed, if any
 * @param servicePeriod the days of service billed, if any
 * @param amount the price (before or including tax, per policy), negative for reductions
 * @param taxCategory how it is taxed
 */
public record PricedItem(
        InvoiceLineKind kind,
        String description,
        @Nullable SubscriptionId subscriptionId,
        @Nullable ChargeId chargeId,
        @Nullable BillingPeriod servicePeriod,
        MonetaryAmount amount,
        TaxCategory taxCategory) {

    /** Rejects missing parts. */
    public PricedItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(taxCategory, "taxCategory");
    }
}

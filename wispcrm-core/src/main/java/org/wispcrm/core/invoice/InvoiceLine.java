package org.wispcrm.core.invoice;

import java.math.BigDecimal;
import java.util.Objects;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.plan.TaxCategory;

/**
 * One line of an invoice or credit note. Amounts are already rounded by the billing policy; the line's total is
 * {@code netAmount + taxAmount}.
 *
 * @param kind what the line bills; reductions (discount, plan-change credit, credit applied) are zero or negative
 * @param description as printed
 * @param subscriptionId the subscription billed, if any
 * @param chargeId the one-time charge billed, if any
 * @param servicePeriod the days of service billed, if the line is for service
 * @param quantity how many units (1 for a month; a fraction of a month is shown in the description instead)
 * @param unitPrice price of one unit before tax
 * @param netAmount amount before tax
 * @param taxCategory how the line is taxed
 * @param taxRate the tax rate as a fraction ({@code 0.19} for 19%), 0 to 1
 * @param taxAmount tax on the net amount, same sign as the net amount
 */
public record InvoiceLine(
        InvoiceLineKind kind,
        String description,
        @Nullable SubscriptionId subscriptionId,
        @Nullable ChargeId chargeId,
        @Nullable BillingPeriod servicePeriod,
        BigDecimal quantity,
        MonetaryAmount unitPrice,
        MonetaryAmount netAmount,
        TaxCategory taxCategory,
        BigDecimal taxRate,
        MonetaryAmount taxAmount) {

    /** Validates amounts, signs and currencies. */
    public InvoiceLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(taxCategory, "taxCategory");
        var violations = new Violations();
        if (violations.requireText("line.description", description)) {
            violations.require(
                    description.length() <= 300, "line.description", description, "must be at most 300 characters");
        }
        violations.require(quantity != null && quantity.signum() > 0, "line.quantity", quantity, "must be more than 0");
        violations.require(unitPrice != null, "line.unitPrice", null, "must be present");
        violations.require(netAmount != null, "line.netAmount", null, "must be present");
        violations.require(taxAmount != null, "line.taxAmount", null, "must be present");
        violations.require(
                taxRate != null && taxRate.signum() >= 0 && taxRate.compareTo(BigDecimal.ONE) <= 0,
                "line.taxRate",
                taxRate,
                "must be a fraction from 0 to 1");
        violations.throwIfAny();
        // Scale-free, so a line read back from a DECIMAL column equals the line saved.
        quantity = quantity.stripTrailingZeros();
        taxRate = taxRate.stripTrailingZeros();
        CurrencyUnit currency = netAmount.getCurrency();
        violations.require(
                unitPrice.getCurrency().equals(currency)
                        && taxAmount.getCurrency().equals(currency),
                "line.currency",
                unitPrice.getCurrency() + "/" + taxAmount.getCurrency(),
                "must all be in " + currency);
        if (kind.isReduction()) {
            violations.require(
                    !netAmount.isPositive(), "line.netAmount", netAmount, "must not be positive for " + kind);
        } else if (kind != InvoiceLineKind.ROUNDING) {
            violations.require(
                    !netAmount.isNegative(), "line.netAmount", netAmount, "must not be negative for " + kind);
        }
        violations.require(
                taxAmount.isZero() || taxAmount.signum() == netAmount.signum(),
                "line.taxAmount",
                taxAmount,
                () -> "must have the sign of the net amount " + netAmount);
        if (!kind.inSubtotal()) {
            violations.require(taxAmount.isZero(), "line.taxAmount", taxAmount, "must be zero for " + kind);
        }
        violations.throwIfAny();
    }

    /** An untaxed line of one unit (credit applied, rounding). */
    public static InvoiceLine untaxed(InvoiceLineKind kind, String description, MonetaryAmount amount) {
        return new InvoiceLine(
                kind,
                description,
                null,
                null,
                null,
                BigDecimal.ONE,
                amount,
                amount,
                TaxCategory.EXEMPT,
                BigDecimal.ZERO,
                amount.multiply(0));
    }

    /** Net amount plus tax. */
    public MonetaryAmount total() {
        return netAmount.add(taxAmount);
    }

    /** The line's currency. */
    public CurrencyUnit currency() {
        return netAmount.getCurrency();
    }
}

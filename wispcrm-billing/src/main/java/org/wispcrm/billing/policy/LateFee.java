package org.wispcrm.billing.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;

/**
 * A fee charged once per invoice that is still unpaid after its due date plus the grace days: either a fixed
 * amount or a percent of the overdue balance.
 *
 * @param fixedAmount the fee, or null for a percent fee
 * @param percent percent of the overdue balance (0 to 100, exclusive of 0), or null for a fixed fee
 */
public record LateFee(
        @Nullable MonetaryAmount fixedAmount, @Nullable BigDecimal percent) {

    /** Validates that exactly one of the two is given and positive. */
    public LateFee {
        if ((fixedAmount == null) == (percent == null)) {
            throw WispCrmException.invalid(
                    "lateFee", fixedAmount != null ? fixedAmount : percent, "must be fixed or percent");
        }
        if (fixedAmount != null && !fixedAmount.isPositive()) {
            throw WispCrmException.invalid("lateFee.fixedAmount", fixedAmount, "must be more than zero");
        }
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw WispCrmException.invalid("lateFee.percent", percent, "must be more than 0 and at most 100");
        }
    }

    /** A fixed fee. */
    public static LateFee fixed(MonetaryAmount amount) {
        return new LateFee(amount, null);
    }

    /** A percent of the overdue balance. */
    public static LateFee percent(BigDecimal percent) {
        return new LateFee(null, percent);
    }

    /** The fee for an overdue balance, before tax, rounded to the currency's minor unit (half up). */
    public MonetaryAmount feeFor(MonetaryAmount overdueBalance) {
        if (fixedAmount != null) {
            return fixedAmount;
        }
        BigDecimal raw = overdueBalance
                .getNumber()
                .numberValue(BigDecimal.class)
                .multiply(percent)
                .divide(BigDecimal.valueOf(100));
        int digits = overdueBalance.getCurrency().getDefaultFractionDigits();
        return org.javamoney.moneta.Money.of(raw.setScale(digits, RoundingMode.HALF_UP), overdueBalance.getCurrency());
    }
}

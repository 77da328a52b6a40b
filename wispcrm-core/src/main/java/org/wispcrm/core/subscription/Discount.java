package org.wispcrm.core.subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Violations;

/**
 * A recurring discount on a subscription: either a percent of the plan price or a fixed amount per month, valid
 * between two dates.
 *
 * @param description as printed on the invoice line
 * @param percent percent off (0 to 100, exclusive of 0), or null for a fixed discount
 * @param fixedAmount amount off per month, or null for a percent discount
 * @param validFrom first day the discount applies
 * @param validUntil last day the discount applies, or null for open-ended
 */
public record Discount(
        String description,
        @Nullable BigDecimal percent,
        @Nullable MonetaryAmount fixedAmount,
        LocalDate validFrom,
        @Nullable LocalDate validUntil) {

    /** Validates that exactly one of percent and amount is given, in range, and the dates are in order. */
    public Discount {
        Objects.requireNonNull(validFrom, "validFrom");
        var violations = new Violations();
        violations.requireText("discount.description", description);
        violations.require(
                (percent == null) != (fixedAmount == null),
                "discount",
                percent != null ? percent : fixedAmount,
                "must have exactly one of percent and fixedAmount");
        violations.require(
                percent == null || (percent.signum() > 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0),
                "discount.percent",
                percent,
                "must be more than 0 and at most 100");
        violations.require(
                fixedAmount == null || fixedAmount.isPositive(),
                "discount.fixedAmount",
                fixedAmount,
                "must be more than 0");
        violations.require(
                validUntil == null || !validUntil.isBefore(validFrom),
                "discount.validUntil",
                validUntil,
                "must not be before validFrom " + validFrom);
        violations.throwIfAny();
    }

    /** A percent discount. */
    public static Discount percent(String description, BigDecimal percent, LocalDate from, @Nullable LocalDate until) {
        return new Discount(description, percent, null, from, until);
    }

    /** A fixed monthly discount. */
    public static Discount fixed(String description, MonetaryAmount amount, LocalDate from, @Nullable LocalDate until) {
        return new Discount(description, null, amount, from, until);
    }

    /** Whether the discount applies on a date. */
    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }
}

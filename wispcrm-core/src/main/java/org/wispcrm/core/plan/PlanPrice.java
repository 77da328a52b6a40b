package org.wispcrm.core.plan;

import java.time.LocalDate;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.wispcrm.core.common.WispCrmException;

/**
 * A plan's monthly price from a date on.
 *
 * @param effectiveFrom first day the price applies
 * @param monthlyPrice price of a full month, zero or more
 */
public record PlanPrice(LocalDate effectiveFrom, MonetaryAmount monthlyPrice) {

    /** Rejects a negative price. */
    public PlanPrice {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (monthlyPrice == null || monthlyPrice.isNegative()) {
            throw WispCrmException.invalid("monthlyPrice", monthlyPrice, "must be zero or more");
        }
    }
}

package org.wispcrm.core.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.wispcrm.core.common.CreditMovementId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Violations;

/**
 * One entry of a customer's credit ledger: the history behind {@link CustomerCredit#balance()}.
 *
 * @param id application-assigned id
 * @param customerId whose credit
 * @param kind why it moved
 * @param amount how much: positive adds credit, negative uses it; never zero
 * @param date the business date of the movement
 * @param reference what caused it ({@code payment:…}, {@code FE-000123}, {@code NC-000004})
 * @param createdAt when it was recorded
 */
public record CreditMovement(
        CreditMovementId id,
        CustomerId customerId,
        CreditMovementKind kind,
        MonetaryAmount amount,
        LocalDate date,
        String reference,
        Instant createdAt) {

    /** Validates the amount and reference. */
    public CreditMovement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(createdAt, "createdAt");
        var violations = new Violations();
        violations.require(amount != null && !amount.isZero(), "amount", amount, "must not be zero");
        if (violations.requireText("reference", reference)) {
            violations.require(reference.length() <= 100, "reference", reference, "must be at most 100 characters");
        }
        violations.throwIfAny();
    }

    /** A new movement. */
    public static CreditMovement of(
            CustomerId customerId,
            CreditMovementKind kind,
            MonetaryAmount amount,
            LocalDate date,
            String reference,
            Instant now) {
        return new CreditMovement(CreditMovementId.newId(), customerId, kind, amount, date, reference, now);
    }
}

package org.wispcrm.core.charge;

import java.time.LocalDate;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.plan.TaxCategory;

/**
 * A one-time amount to bill a customer on their next invoice.
 *
 * @param id application-assigned id
 * @param customerId who pays
 * @param subscriptionId the service it concerns, if any
 * @param kind why
 * @param description as printed on the invoice line
 * @param amount amount before tax, more than zero
 * @param taxCategory how it is taxed
 * @param chargeDate when it was incurred; it is billed by the first invoice issued on or after this date
 * @param sourceReference what caused it, unique when given ("order:…", "late-fee:…"), so it is charged once
 * @param billedOn the invoice that billed it, once billed
 * @param version optimistic-lock version: 0 until first saved
 */
public record Charge(
        ChargeId id,
        CustomerId customerId,
        @Nullable SubscriptionId subscriptionId,
        ChargeKind kind,
        String description,
        MonetaryAmount amount,
        TaxCategory taxCategory,
        LocalDate chargeDate,
        @Nullable String sourceReference,
        @Nullable InvoiceId billedOn,
        long version) {

    /** Validates description and amount. */
    public Charge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(taxCategory, "taxCategory");
        Objects.requireNonNull(chargeDate, "chargeDate");
        var violations = new Violations();
        violations.requireText("description", description);
        violations.require(amount != null && amount.isPositive(), "amount", amount, "must be more than zero");
        violations.throwIfAny();
    }

    /** A charge waiting to be billed. */
    public static Charge pending(
            CustomerId customerId,
            @Nullable SubscriptionId subscriptionId,
            ChargeKind kind,
            String description,
            MonetaryAmount amount,
            TaxCategory taxCategory,
            LocalDate chargeDate,
            @Nullable String sourceReference) {
        return new Charge(
                ChargeId.newId(),
                customerId,
                subscriptionId,
                kind,
                description,
                amount,
                taxCategory,
                chargeDate,
                sourceReference,
                null,
                0);
    }

    /** Whether no invoice has billed it yet. */
    public boolean isPending() {
        return billedOn == null;
    }

    /** Records the invoice that billed it; a charge is billed once. */
    public Charge billedBy(InvoiceId invoice) {
        if (billedOn != null) {
            throw WispCrmException.invalid("charge", id, "is already billed on invoice " + billedOn);
        }
        return new Charge(
                id,
                customerId,
                subscriptionId,
                kind,
                description,
                amount,
                taxCategory,
                chargeDate,
                sourceReference,
                invoice,
                version);
    }

    /** This charge at another optimistic-lock version: repositories assign versions on save. */
    public Charge withVersion(long newVersion) {
        return new Charge(
                id,
                customerId,
                subscriptionId,
                kind,
                description,
                amount,
                taxCategory,
                chargeDate,
                sourceReference,
                billedOn,
                newVersion);
    }
}

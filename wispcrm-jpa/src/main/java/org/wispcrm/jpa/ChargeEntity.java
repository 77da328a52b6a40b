package org.wispcrm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.plan.TaxCategory;

@Entity
@Table(name = "charges")
class ChargeEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    @Column(name = "subscription_id")
    @Nullable
    UUID subscriptionId;

    @Enumerated(EnumType.STRING)
    ChargeKind kind = ChargeKind.OTHER;

    String description = "";

    BigDecimal amount = BigDecimal.ZERO;

    String currency = "";

    @Column(name = "tax_category")
    String taxCategory = "";

    @Column(name = "charge_date")
    LocalDate chargeDate = LocalDate.EPOCH;

    @Column(name = "source_reference")
    @Nullable
    String sourceReference;

    @Column(name = "billed_on_invoice")
    @Nullable
    UUID billedOn;

    ChargeEntity() {}

    static ChargeEntity of(Charge charge) {
        var row = new ChargeEntity();
        row.id = charge.id().value();
        row.copy(charge);
        return row;
    }

    void copy(Charge c) {
        customerId = c.customerId().value();
        subscriptionId = c.subscriptionId() == null ? null : c.subscriptionId().value();
        kind = c.kind();
        description = c.description();
        amount = Columns.amount(c.amount());
        currency = Columns.currency(c.amount());
        taxCategory = c.taxCategory().code();
        chargeDate = c.chargeDate();
        sourceReference = c.sourceReference();
        billedOn = c.billedOn() == null ? null : c.billedOn().value();
    }

    Charge toDomain() {
        return new Charge(
                new ChargeId(id),
                new CustomerId(customerId),
                subscriptionId == null ? null : new SubscriptionId(subscriptionId),
                kind,
                description,
                Columns.money(amount, currency),
                new TaxCategory(taxCategory),
                chargeDate,
                sourceReference,
                billedOn == null ? null : new InvoiceId(billedOn),
                domainVersion());
    }
}

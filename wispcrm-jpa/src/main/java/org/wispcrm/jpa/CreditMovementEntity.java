package org.wispcrm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.wispcrm.core.common.CreditMovementId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.payment.CreditMovement;
import org.wispcrm.core.payment.CreditMovementKind;

/** An append-only ledger row; it has no version because it never changes. */
@Entity
@Table(name = "credit_movements")
class CreditMovementEntity {
    @Id
    UUID id = new UUID(0, 0);

    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    @Enumerated(EnumType.STRING)
    CreditMovementKind kind = CreditMovementKind.ADJUSTMENT;

    BigDecimal amount = BigDecimal.ZERO;

    String currency = "";

    @Column(name = "movement_date")
    LocalDate date = LocalDate.EPOCH;

    String reference = "";

    @Column(name = "created_at")
    Instant createdAt = Instant.EPOCH;

    CreditMovementEntity() {}

    static CreditMovementEntity of(CreditMovement m) {
        var row = new CreditMovementEntity();
        row.id = m.id().value();
        row.customerId = m.customerId().value();
        row.kind = m.kind();
        row.amount = Columns.amount(m.amount());
        row.currency = Columns.currency(m.amount());
        row.date = m.date();
        row.reference = m.reference();
        row.createdAt = m.createdAt();
        return row;
    }

    CreditMovement toDomain() {
        return new CreditMovement(
                new CreditMovementId(id),
                new CustomerId(customerId),
                kind,
                Columns.money(amount, currency),
                date,
                reference,
                createdAt);
    }
}

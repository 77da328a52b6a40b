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
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.order.ServiceOrder;
import org.wispcrm.core.order.ServiceOrderKind;
import org.wispcrm.core.order.ServiceOrderStatus;

@Entity
@Table(name = "service_orders")
class ServiceOrderEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    @Column(name = "subscription_id")
    @Nullable
    UUID subscriptionId;

    @Enumerated(EnumType.STRING)
    ServiceOrderKind kind = ServiceOrderKind.REPAIR;

    @Enumerated(EnumType.STRING)
    ServiceOrderStatus status = ServiceOrderStatus.OPEN;

    String description = "";

    @Nullable
    String technician;

    @Column(name = "scheduled_for")
    @Nullable
    LocalDateTime scheduledFor;

    @Column(name = "fee_amount")
    @Nullable
    BigDecimal feeAmount;

    @Column(name = "fee_currency")
    @Nullable
    String feeCurrency;

    @Nullable
    String resolution;

    @Column(name = "completed_on")
    @Nullable
    LocalDate completedOn;

    @Column(name = "created_at")
    Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at")
    Instant updatedAt = Instant.EPOCH;

    ServiceOrderEntity() {}

    static ServiceOrderEntity of(ServiceOrder order) {
        var row = new ServiceOrderEntity();
        row.id = order.id().value();
        row.copy(order);
        return row;
    }

    void copy(ServiceOrder o) {
        customerId = o.customerId().value();
        subscriptionId = o.subscriptionId() == null ? null : o.subscriptionId().value();
        kind = o.kind();
        status = o.status();
        description = o.description();
        technician = o.technician();
        scheduledFor = o.scheduledFor();
        feeAmount = Columns.amountOrNull(o.fee());
        feeCurrency = Columns.currencyOrNull(o.fee());
        resolution = o.resolution();
        completedOn = o.completedOn();
        createdAt = o.createdAt();
        updatedAt = o.updatedAt();
    }

    ServiceOrder toDomain() {
        return new ServiceOrder(
                new ServiceOrderId(id),
                new CustomerId(customerId),
                subscriptionId == null ? null : new SubscriptionId(subscriptionId),
                kind,
                status,
                description,
                technician,
                scheduledFor,
                Columns.moneyOrNull(feeAmount, feeCurrency),
                resolution,
                completedOn,
                createdAt,
                updatedAt,
                domainVersion());
    }
}

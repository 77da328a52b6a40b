package org.wispcrm.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.subscription.BillingDay;
import org.wispcrm.core.subscription.Discount;
import org.wispcrm.core.subscription.NetworkIdentity;
import org.wispcrm.core.subscription.PlanAssignment;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionStatus;

@Entity
@Table(name = "subscriptions")
class SubscriptionEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    /** The latest plan assignment, denormalised for the "current plan" query. */
    @Column(name = "current_plan_id")
    UUID currentPlanId = new UUID(0, 0);

    @ElementCollection
    @CollectionTable(name = "subscription_plans", joinColumns = @JoinColumn(name = "subscription_id"))
    @OrderColumn(name = "position")
    List<AssignmentColumns> plans = new ArrayList<>();

    @Embedded
    AddressColumns address = new AddressColumns();

    @Column(name = "ip_address")
    @Nullable
    String ipAddress;

    @Column(name = "pppoe_user")
    @Nullable
    String pppoeUser;

    @Enumerated(EnumType.STRING)
    SubscriptionStatus status = SubscriptionStatus.PENDING_INSTALL;

    @Column(name = "billing_day")
    @Nullable
    Integer billingDay;

    @Column(name = "activated_on")
    @Nullable
    LocalDate activatedOn;

    @Column(name = "suspended_on")
    @Nullable
    LocalDate suspendedOn;

    @Column(name = "cancelled_on")
    @Nullable
    LocalDate cancelledOn;

    @Column(name = "discount_description")
    @Nullable
    String discountDescription;

    @Column(name = "discount_percent")
    @Nullable
    BigDecimal discountPercent;

    @Column(name = "discount_amount")
    @Nullable
    BigDecimal discountAmount;

    @Column(name = "discount_currency")
    @Nullable
    String discountCurrency;

    @Column(name = "discount_from")
    @Nullable
    LocalDate discountFrom;

    @Column(name = "discount_until")
    @Nullable
    LocalDate discountUntil;

    @Column(name = "created_at")
    Instant createdAt = Instant.EPOCH;

    @Embeddable
    static class AssignmentColumns {
        @Column(name = "plan_id")
        UUID planId = new UUID(0, 0);

        @Column(name = "effective_from")
        LocalDate effectiveFrom = LocalDate.EPOCH;

        AssignmentColumns() {}

        AssignmentColumns(PlanAssignment assignment) {
            planId = assignment.planId().value();
            effectiveFrom = assignment.effectiveFrom();
        }

        boolean sameAs(PlanAssignment assignment) {
            return planId.equals(assignment.planId().value()) && effectiveFrom.equals(assignment.effectiveFrom());
        }
    }

    SubscriptionEntity() {}

    static SubscriptionEntity of(Subscription subscription) {
        var row = new SubscriptionEntity();
        row.id = subscription.id().value();
        row.copy(subscription);
        return row;
    }

    void copy(Subscription s) {
        customerId = s.customerId().value();
        currentPlanId = s.currentPlanId().value();
        // keep the unchanged prefix of the history so that Hibernate writes only what changed
        int keep = 0;
        while (keep < plans.size()
                && keep < s.plans().size()
                && plans.get(keep).sameAs(s.plans().get(keep))) {
            keep++;
        }
        while (plans.size() > keep) {
            plans.remove(plans.size() - 1);
        }
        for (int i = keep; i < s.plans().size(); i++) {
            plans.add(new AssignmentColumns(s.plans().get(i)));
        }
        address = AddressColumns.of(s.serviceAddress());
        ipAddress = s.network().ipAddress();
        pppoeUser = s.network().pppoeUser();
        status = s.status();
        billingDay = s.billingDay() == null ? null : s.billingDay().value();
        activatedOn = s.activatedOn();
        suspendedOn = s.suspendedOn();
        cancelledOn = s.cancelledOn();
        Discount d = s.discount();
        discountDescription = d == null ? null : d.description();
        discountPercent = d == null ? null : d.percent();
        discountAmount = d == null ? null : Columns.amountOrNull(d.fixedAmount());
        discountCurrency = d == null ? null : Columns.currencyOrNull(d.fixedAmount());
        discountFrom = d == null ? null : d.validFrom();
        discountUntil = d == null ? null : d.validUntil();
        createdAt = s.createdAt();
    }

    Subscription toDomain() {
        Discount discount = discountDescription == null || discountFrom == null
                ? null
                : new Discount(
                        discountDescription,
                        Columns.decimal(discountPercent),
                        Columns.moneyOrNull(discountAmount, discountCurrency),
                        discountFrom,
                        discountUntil);
        return new Subscription(
                new SubscriptionId(id),
                new CustomerId(customerId),
                plans.stream()
                        .map(p -> new PlanAssignment(new PlanId(p.planId), p.effectiveFrom))
                        .toList(),
                address.toAddress(),
                new NetworkIdentity(ipAddress, pppoeUser),
                status,
                billingDay == null ? null : BillingDay.of(billingDay),
                activatedOn,
                suspendedOn,
                cancelledOn,
                discount,
                createdAt,
                domainVersion());
    }
}

package org.wispcrm.core.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.WispCrmException;

/**
 * A customer's internet service at one site. Immutable: each state change returns a new instance.
 *
 * @param id application-assigned id
 * @param customerId the customer who pays for it
 * @param plans plan history, ordered by effective date; the last one is the current plan
 * @param serviceAddress where the service is installed
 * @param network IP address and PPPoE user at the router
 * @param status workflow state
 * @param billingDay day of month the billing period starts; chosen at sale or set from the activation date
 * @param activatedOn first day of service, once installed
 * @param suspendedOn day service was cut, while suspended
 * @param cancelledOn last day of service, once cancelled
 * @param discount recurring discount, if any
 * @param createdAt when the subscription was sold
 * @param version optimistic-lock version: 0 until first saved
 */
public record Subscription(
        SubscriptionId id,
        CustomerId customerId,
        List<PlanAssignment> plans,
        Address serviceAddress,
        NetworkIdentity network,
        SubscriptionStatus status,
        @Nullable BillingDay billingDay,
        @Nullable LocalDate activatedOn,
        @Nullable LocalDate suspendedOn,
        @Nullable LocalDate cancelledOn,
        @Nullable Discount discount,
        Instant createdAt,
        long version) {

    /** Validates presence of parts and a non-empty plan history. */
    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(serviceAddress, "serviceAddress");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        plans = List.copyOf(plans);
        if (plans.isEmpty()) {
            throw WispCrmException.invalid("plans", plans, "must have at least one plan");
        }
    }

    /**
     * A subscription sold and waiting for installation.
     *
     * @param billingDay the billing day agreed at sale, or null to take it from the activation date
     */
    public static Subscription order(
            SubscriptionId id,
            CustomerId customerId,
            PlanId planId,
            Address serviceAddress,
            @Nullable BillingDay billingDay,
            Instant now,
            LocalDate today) {
        return new Subscription(
                id,
                customerId,
                List.of(new PlanAssignment(planId, today)),
                serviceAddress,
                NetworkIdentity.none(),
                SubscriptionStatus.PENDING_INSTALL,
                billingDay,
                null,
                null,
                null,
                null,
                now,
                0);
    }

    /** The plan the subscription is on now (the latest assignment). */
    public PlanId currentPlanId() {
        return plans.get(plans.size() - 1).planId();
    }

    /** The plan in force on a date (the first plan for dates before it). */
    public PlanId planOn(LocalDate date) {
        PlanId inForce = plans.get(0).planId();
        for (PlanAssignment assignment : plans) {
            if (!assignment.effectiveFrom().isAfter(date)) {
                inForce = assignment.planId();
            }
        }
        return inForce;
    }

    /** Starts service on the installation date; the billing day defaults to that day (29-31 become 28). */
    public Subscription activate(LocalDate on) {
        requireStatus(Set.of(SubscriptionStatus.PENDING_INSTALL), "activate");
        BillingDay day = billingDay != null ? billingDay : BillingDay.clampedFrom(on);
        return new Subscription(
                id,
                customerId,
                plans,
                serviceAddress,
                network,
                SubscriptionStatus.ACTIVE,
                day,
                on,
                null,
                null,
                discount,
                createdAt,
                version);
    }

    /** Cuts service (non-payment or customer request). */
    public Subscription suspend(LocalDate on) {
        requireStatus(Set.of(SubscriptionStatus.ACTIVE), "suspend");
        return withStatus(SubscriptionStatus.SUSPENDED, on, null);
    }

    /** Restores a suspended service. */
    public Subscription restore(LocalDate on) {
        requireStatus(Set.of(SubscriptionStatus.SUSPENDED), "restore");
        return withStatus(SubscriptionStatus.ACTIVE, null, null);
    }

    /** Ends service; {@code on} is the last day of service. */
    public Subscription cancel(LocalDate on) {
        requireStatus(
                Set.of(SubscriptionStatus.PENDING_INSTALL, SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED),
                "cancel");
        if (activatedOn != null && on.isBefore(activatedOn)) {
            throw WispCrmException.invalid("cancellationDate", on, "must not be before activation " + activatedOn);
        }
        return withStatus(SubscriptionStatus.CANCELLED, suspendedOn, on);
    }

    /**
     * Moves to another plan from a date on. The history keeps the old plan, so billing can prorate the period in
     * which the change falls.
     */
    public Subscription changePlan(PlanId newPlan, LocalDate effectiveFrom) {
        requireStatus(
                Set.of(SubscriptionStatus.PENDING_INSTALL, SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED),
                "change the plan of");
        PlanAssignment last = plans.get(plans.size() - 1);
        if (newPlan.equals(last.planId())) {
            throw WispCrmException.invalid("planId", newPlan, "is already the subscription's plan");
        }
        if (effectiveFrom.isBefore(last.effectiveFrom())) {
            throw WispCrmException.invalid(
                    "effectiveFrom",
                    effectiveFrom,
                    "must not be before the current plan's start " + last.effectiveFrom());
        }
        var history = new ArrayList<>(plans);
        if (effectiveFrom.equals(last.effectiveFrom())) {
            history.remove(history.size() - 1);
        }
        history.add(new PlanAssignment(newPlan, effectiveFrom));
        return new Subscription(
                id,
                customerId,
                history,
                serviceAddress,
                network,
                status,
                billingDay,
                activatedOn,
                suspendedOn,
                cancelledOn,
                discount,
                createdAt,
                version);
    }

    /** Sets or clears the recurring discount. */
    public Subscription withDiscount(@Nullable Discount newDiscount) {
        return new Subscription(
                id,
                customerId,
                plans,
                serviceAddress,
                network,
                status,
                billingDay,
                activatedOn,
                suspendedOn,
                cancelledOn,
                newDiscount,
                createdAt,
                version);
    }

    /** Records the router identity (set by the installer). */
    public Subscription withNetwork(NetworkIdentity identity) {
        return new Subscription(
                id,
                customerId,
                plans,
                serviceAddress,
                identity,
                status,
                billingDay,
                activatedOn,
                suspendedOn,
                cancelledOn,
                discount,
                createdAt,
                version);
    }

    /** Moves the service to another site (a relocation order). */
    public Subscription relocate(Address newAddress) {
        requireStatus(
                Set.of(SubscriptionStatus.PENDING_INSTALL, SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED),
                "relocate");
        return new Subscription(
                id,
                customerId,
                plans,
                newAddress,
                network,
                status,
                billingDay,
                activatedOn,
                suspendedOn,
                cancelledOn,
                discount,
                createdAt,
                version);
    }

    private Subscription withStatus(
            SubscriptionStatus target, @Nullable LocalDate suspended, @Nullable LocalDate cancelled) {
        return new Subscription(
                id,
                customerId,
                plans,
                serviceAddress,
                network,
                target,
                billingDay,
                activatedOn,
                suspended,
                cancelled,
                discount,
                createdAt,
                version);
    }

    private void requireStatus(Set<SubscriptionStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw WispCrmException.illegalTransition("Subscription", id, status, action);
        }
    }

    /** This subscription at another optimistic-lock version: repositories assign versions on save. */
    public Subscription withVersion(long newVersion) {
        return new Subscription(
                id,
                customerId,
                plans,
                serviceAddress,
                network,
                status,
                billingDay,
                activatedOn,
                suspendedOn,
                cancelledOn,
                discount,
                createdAt,
                newVersion);
    }
}

package org.wispcrm.core.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;

/**
 * Work a technician does for a customer. Immutable: each step returns a new instance.
 *
 * @param id application-assigned id
 * @param customerId the customer
 * @param subscriptionId the subscription concerned, if any
 * @param kind what is to be done
 * @param status workflow state
 * @param description what the customer or clerk asked for
 * @param technician who does it, once assigned
 * @param scheduledFor when, once scheduled (local time of the ISP)
 * @param fee amount to charge the customer on completion (installation fee, say), if any
 * @param resolution what the technician reports on completion or the reason for cancelling
 * @param completedOn day the work was completed
 * @param createdAt when the order was opened
 * @param updatedAt when the order last changed
 * @param version optimistic-lock version: 0 until first saved
 */
public record ServiceOrder(
        ServiceOrderId id,
        CustomerId customerId,
        @Nullable SubscriptionId subscriptionId,
        ServiceOrderKind kind,
        ServiceOrderStatus status,
        String description,
        @Nullable String technician,
        @Nullable LocalDateTime scheduledFor,
        @Nullable MonetaryAmount fee,
        @Nullable String resolution,
        @Nullable LocalDate completedOn,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    private static final Set<ServiceOrderStatus> NOT_STARTED =
            Set.of(ServiceOrderStatus.OPEN, ServiceOrderStatus.SCHEDULED);

    /** Validates parts; an installation must name its subscription. */
    public ServiceOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        var violations = new Violations();
        violations.requireText("description", description);
        violations.require(
                kind != ServiceOrderKind.INSTALLATION || subscriptionId != null,
                "subscriptionId",
                null,
                "is required for an INSTALLATION order");
        violations.require(fee == null || !fee.isNegative(), "fee", fee, "must be zero or more");
        violations.throwIfAny();
    }

    /** A new, open order. */
    public static ServiceOrder open(
            ServiceOrderId id,
            CustomerId customerId,
            @Nullable SubscriptionId subscriptionId,
            ServiceOrderKind kind,
            String description,
            @Nullable MonetaryAmount fee,
            Instant now) {
        return new ServiceOrder(
                id,
                customerId,
                subscriptionId,
                kind,
                ServiceOrderStatus.OPEN,
                description,
                null,
                null,
                fee,
                null,
                null,
                now,
                now,
                0);
    }

    /** Sets or moves the visit date. */
    public ServiceOrder schedule(LocalDateTime when, Instant now) {
        require(NOT_STARTED, "schedule");
        return new ServiceOrder(
                id,
                customerId,
                subscriptionId,
                kind,
                ServiceOrderStatus.SCHEDULED,
                description,
                technician,
                when,
                fee,
                resolution,
                completedOn,
                createdAt,
                now,
                version);
    }

    /** Gives the order to a technician. */
    public ServiceOrder assignTo(String technicianName, Instant now) {
        require(
                Set.of(ServiceOrderStatus.OPEN, ServiceOrderStatus.SCHEDULED, ServiceOrderStatus.IN_PROGRESS),
                "assign");
        if (technicianName == null || technicianName.isBlank()) {
            throw WispCrmException.invalid("technician", technicianName, "must not be blank");
        }
        return new ServiceOrder(
                id,
                customerId,
                subscriptionId,
                kind,
                status,
                description,
                technicianName.strip(),
                scheduledFor,
                fee,
                resolution,
                completedOn,
                createdAt,
                now,
                version);
    }

    /** The technician starts work; needs a technician. */
    public ServiceOrder start(Instant now) {
        require(NOT_STARTED, "start");
        if (technician == null) {
            throw WispCrmException.invalid("technician", null, "must be assigned before the order starts");
        }
        return new ServiceOrder(
                id,
                customerId,
                subscriptionId,
                kind,
                ServiceOrderStatus.IN_PROGRESS,
                description,
                technician,
                scheduledFor,
                fee,
                resolution,
                completedOn,
                createdAt,
                now,
                version);
    }

    /** The work is done on {@code on}; {@code report} says what was done. */
    public ServiceOrder complete(LocalDate on, String report, Instant now) {
        require(Set.of(ServiceOrderStatus.IN_PROGRESS), "complete");
        return new ServiceOrder(
                id,
                customerId,
                subscriptionId,
                kind,
                ServiceOrderStatus.COMPLETED,
                description,
                technician,
                scheduledFor,
                fee,
                report,
                on,
                createdAt,
                now,
                version);
    }

    /** Calls the order off, giving the reason. */
    public ServiceOrder cancel(String reason, Instant now) {
        require(
                Set.of(ServiceOrderStatus.OPEN, ServiceOrderStatus.SCHEDULED, ServiceOrderStatus.IN_PROGRESS),
                "cancel");
        if (reason == null || reason.isBlank()) {
            throw WispCrmException.invalid("reason", reason, "must not be blank");
        }
        return new ServiceOrder(
                id,
                customerId,
                subscriptionId,
                kind,
                ServiceOrderStatus.CANCELLED,
                description,
                technician,
                scheduledFor,
                fee,
                reason.strip(),
                completedOn,
                createdAt,
                now,
                version);
    }

    private void require(Set<ServiceOrderStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw WispCrmException.illegalTransition("ServiceOrder", id, status, action);
        }
    }

    /** This serviceOrder at another optimistic-lock version: repositories assign versions on save. */
    public ServiceOrder withVersion(long newVersion) {
        return new ServiceOrder(
                id,
                customerId,
                subscriptionId,
                kind,
                status,
                description,
                technician,
                scheduledFor,
                fee,
                resolution,
                completedOn,
                createdAt,
                updatedAt,
                newVersion);
    }
}

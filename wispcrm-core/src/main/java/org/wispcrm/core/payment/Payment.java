package org.wispcrm.core.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.PaymentId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.document.DocumentKey;

/**
 * Money received from a customer, and how it was applied: to invoices ({@link #allocations()}) and, for what is
 * left over, to the customer's credit ({@link #unallocated()}).
 *
 * @param id application-assigned id
 * @param customerId who paid
 * @param amount how much, more than zero
 * @param method how
 * @param externalReference the bank's, gateway's or receipt book's reference; unique, so recording the same
 *     payment twice returns the first
 * @param receivedOn the day the money was received
 * @param allocations the invoices it paid, in the order they were paid
 * @param status recorded or reversed
 * @param reversedOn when it was reversed
 * @param reversalReason why it was reversed
 * @param recordedAt when it was recorded
 * @param documentKey where its receipt PDF is stored, once rendered
 * @param version optimistic-lock version: 0 until first saved
 */
public record Payment(
        PaymentId id,
        CustomerId customerId,
        MonetaryAmount amount,
        PaymentMethod method,
        String externalReference,
        LocalDate receivedOn,
        List<PaymentAllocation> allocations,
        PaymentStatus status,
        @Nullable LocalDate reversedOn,
        @Nullable String reversalReason,
        Instant recordedAt,
        @Nullable DocumentKey documentKey,
        long version) {

    /** Validates the amount, reference and that the allocations fit in the amount. */
    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedAt, "recordedAt");
        allocations = List.copyOf(allocations);
        var violations = new Violations();
        violations.require(amount != null && amount.isPositive(), "amount", amount, "must be more than zero");
        if (violations.requireText("externalReference", externalReference)) {
            violations.require(
                    externalReference.length() <= 100,
                    "externalReference",
                    externalReference,
                    "must be at most 100 characters");
        }
        violations.require(
                (status == PaymentStatus.REVERSED) == (reversedOn != null),
                "reversedOn",
                reversedOn,
                "must be present exactly when the payment is reversed");
        violations.require(version >= 0, "version", version, "must not be negative");
        violations.throwIfAny();
        externalReference = externalReference.strip();
        MonetaryAmount allocated = Money.zero(amount.getCurrency());
        for (var allocation : allocations) {
            violations.require(
                    allocation.amount().getCurrency().equals(amount.getCurrency()),
                    "allocation.amount",
                    allocation.amount(),
                    "must be in " + amount.getCurrency());
        }
        violations.throwIfAny();
        for (var allocation : allocations) {
            allocated = allocated.add(allocation.amount());
        }
        violations.require(
                !allocated.isGreaterThan(amount), "allocations", allocated, "must not exceed the amount " + amount);
        violations.throwIfAny();
    }

    /** A payment just received, with its allocations. */
    public static Payment record(
            CustomerId customerId,
            MonetaryAmount amount,
            PaymentMethod method,
            String externalReference,
            LocalDate receivedOn,
            List<PaymentAllocation> allocations,
            Instant now) {
        return new Payment(
                PaymentId.newId(),
                customerId,
                amount,
                method,
                externalReference,
                receivedOn,
                allocations,
                PaymentStatus.RECORDED,
                null,
                null,
                now,
                null,
                0);
    }

    /** The sum of the allocations. */
    public MonetaryAmount allocated() {
        MonetaryAmount sum = Money.zero(amount.getCurrency());
        for (var allocation : allocations) {
            sum = sum.add(allocation.amount());
        }
        return sum;
    }

    /** What no invoice took: it became customer credit. */
    public MonetaryAmount unallocated() {
        return amount.subtract(allocated());
    }

    /** Marks the payment reversed; its allocations stay for the record (the service reopens the invoices). */
    public Payment reverse(LocalDate on, String reason) {
        if (status != PaymentStatus.RECORDED) {
            throw WispCrmException.illegalTransition("Payment", externalReference, status, "reverse");
        }
        var violations = new Violations();
        violations.requireText("reason", reason);
        violations.require(!on.isBefore(receivedOn), "reversedOn", on, "must not be before receipt " + receivedOn);
        violations.throwIfAny();
        return new Payment(
                id,
                customerId,
                amount,
                method,
                externalReference,
                receivedOn,
                allocations,
                PaymentStatus.REVERSED,
                on,
                reason.strip(),
                recordedAt,
                documentKey,
                version);
    }

    /** Records where the payment's receipt PDF is stored. */
    public Payment attachDocument(DocumentKey key) {
        Objects.requireNonNull(key, "key");
        return new Payment(
                id,
                customerId,
                amount,
                method,
                externalReference,
                receivedOn,
                allocations,
                status,
                reversedOn,
                reversalReason,
                recordedAt,
                key,
                version);
    }

    /** This payment at another optimistic-lock version: repositories assign versions on save. */
    public Payment withVersion(long newVersion) {
        return new Payment(
                id,
                customerId,
                amount,
                method,
                externalReference,
                receivedOn,
                allocations,
                status,
                reversedOn,
                reversalReason,
                recordedAt,
                documentKey,
                newVersion);
    }
}

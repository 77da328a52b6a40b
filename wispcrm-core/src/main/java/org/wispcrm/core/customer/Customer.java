package org.wispcrm.core.customer;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;

/**
 * A customer of the ISP. Immutable: every state change returns a new instance, which the caller saves.
 *
 * @param id application-assigned id
 * @param code the ISP's own customer code, unique
 * @param profile contact and tax data
 * @param status where the customer stands
 * @param createdAt when the customer was registered
 * @param updatedAt when the customer last changed
 * @param version optimistic-lock version: 0 until first saved, then as the repository returned it
 */
public record Customer(
        CustomerId id,
        String code,
        CustomerProfile profile,
        CustomerStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Validates the code and the presence of every part. */
    public Customer {
        Objects.requireNonNull(id, "id");
        var violations = new Violations();
        violations.require(
                code != null && code.matches("[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}"),
                "code",
                code,
                "must be 1 to 40 letters, digits, dots, dashes or underscores");
        violations.require(version >= 0, "version", version, "must not be negative");
        violations.throwIfAny();
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A newly registered, active customer. */
    public static Customer register(CustomerId id, String code, CustomerProfile profile, Instant now) {
        return new Customer(id, code, profile, CustomerStatus.ACTIVE, now, now, 0);
    }

    /** The customer with new contact or tax data. Allowed in every status: an inactive customer may move. */
    public Customer updateProfile(CustomerProfile newProfile, Instant now) {
        return new Customer(id, code, newProfile, status, createdAt, now, version);
    }

    /** Cuts the customer's service, usually for non-payment. */
    public Customer suspend(Instant now) {
        return moveTo(CustomerStatus.SUSPENDED, Set.of(CustomerStatus.ACTIVE), "suspend", now);
    }

    /** Restores a suspended or inactive customer. */
    public Customer reactivate(Instant now) {
        return moveTo(
                CustomerStatus.ACTIVE, Set.of(CustomerStatus.SUSPENDED, CustomerStatus.INACTIVE), "reactivate", now);
    }

    /** Ends the relationship; the customer stays on record. */
    public Customer deactivate(Instant now) {
        return moveTo(
                CustomerStatus.INACTIVE, Set.of(CustomerStatus.ACTIVE, CustomerStatus.SUSPENDED), "deactivate", now);
    }

    /** The full name, for messages and documents. */
    public String fullName() {
        return profile.fullName();
    }

    private Customer moveTo(CustomerStatus target, Set<CustomerStatus> allowedFrom, String action, Instant now) {
        if (!allowedFrom.contains(status)) {
            throw WispCrmException.illegalTransition("Customer", id, status, action);
        }
        return new Customer(id, code, profile, target, createdAt, now, version);
    }

    /** This customer at another optimistic-lock version: repositories assign versions on save. */
    public Customer withVersion(long newVersion) {
        return new Customer(id, code, profile, status, createdAt, updatedAt, newVersion);
    }
}

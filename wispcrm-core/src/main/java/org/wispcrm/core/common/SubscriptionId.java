package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a subscription (a customer's service at one site). Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record SubscriptionId(UUID value) {
    /** Rejects a null value. */
    public SubscriptionId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static SubscriptionId newId() {
        return new SubscriptionId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static SubscriptionId of(String text) {
        return new SubscriptionId(Ids.parse("subscriptionId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a movement of a customer's credit balance. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record CreditMovementId(UUID value) {
    /** Rejects a null value. */
    public CreditMovementId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static CreditMovementId newId() {
        return new CreditMovementId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static CreditMovementId of(String text) {
        return new CreditMovementId(Ids.parse("creditMovementId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

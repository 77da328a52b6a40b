package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a customer. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record CustomerId(UUID value) {
    /** Rejects a null value. */
    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static CustomerId newId() {
        return new CustomerId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static CustomerId of(String text) {
        return new CustomerId(Ids.parse("customerId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a service order. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record ServiceOrderId(UUID value) {
    /** Rejects a null value. */
    public ServiceOrderId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static ServiceOrderId newId() {
        return new ServiceOrderId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static ServiceOrderId of(String text) {
        return new ServiceOrderId(Ids.parse("serviceOrderId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a service plan. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record PlanId(UUID value) {
    /** Rejects a null value. */
    public PlanId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static PlanId newId() {
        return new PlanId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static PlanId of(String text) {
        return new PlanId(Ids.parse("planId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

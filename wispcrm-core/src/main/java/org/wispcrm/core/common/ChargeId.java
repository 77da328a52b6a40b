package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a one-time charge. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record ChargeId(UUID value) {
    /** Rejects a null value. */
    public ChargeId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static ChargeId newId() {
        return new ChargeId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static ChargeId of(String text) {
        return new ChargeId(Ids.parse("chargeId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

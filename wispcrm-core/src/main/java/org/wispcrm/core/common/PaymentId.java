package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a payment. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record PaymentId(UUID value) {
    /** Rejects a null value. */
    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static PaymentId newId() {
        return new PaymentId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static PaymentId of(String text) {
        return new PaymentId(Ids.parse("paymentId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

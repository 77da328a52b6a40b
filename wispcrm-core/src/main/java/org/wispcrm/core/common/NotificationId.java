package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an outbox notification. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record NotificationId(UUID value) {
    /** Rejects a null value. */
    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static NotificationId newId() {
        return new NotificationId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static NotificationId of(String text) {
        return new NotificationId(Ids.parse("notificationId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a support ticket. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record TicketId(UUID value) {
    /** Rejects a null value. */
    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static TicketId newId() {
        return new TicketId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static TicketId of(String text) {
        return new TicketId(Ids.parse("ticketId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

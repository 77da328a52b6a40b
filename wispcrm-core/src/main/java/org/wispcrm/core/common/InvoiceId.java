package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an invoice. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record InvoiceId(UUID value) {
    /** Rejects a null value. */
    public InvoiceId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static InvoiceId newId() {
        return new InvoiceId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static InvoiceId of(String text) {
        return new InvoiceId(Ids.parse("invoiceId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

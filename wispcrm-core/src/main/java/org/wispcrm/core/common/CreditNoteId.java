package org.wispcrm.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a credit note. Assigned by the application (UUID v7), never by the database.
 *
 * @param value the UUID
 */
public record CreditNoteId(UUID value) {
    /** Rejects a null value. */
    public CreditNoteId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static CreditNoteId newId() {
        return new CreditNoteId(Ids.newUuidV7());
    }

    /** Parses the id's text form. */
    public static CreditNoteId of(String text) {
        return new CreditNoteId(Ids.parse("creditNoteId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

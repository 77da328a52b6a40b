package org.wispcrm.core.common;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One invalid input field: its name, the rejected value and why.
 *
 * @param field the field's name as the caller knows it (for example {@code "billingDay"})
 * @param rejectedValue the value that was rejected, or null if it was missing
 * @param message why the value was rejected
 */
public record FieldViolation(String field, @Nullable Object rejectedValue, String message) {

    /** Validates that field and message are present. */
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same violation under another field name (a value object reports its own generic name). */
    public FieldViolation renamed(String newField) {
        return new FieldViolation(newField, rejectedValue, message);
    }

    @Override
    public String toString() {
        return field + "=" + (rejectedValue == null ? "null" : "'" + rejectedValue + "'") + ": " + message;
    }
}

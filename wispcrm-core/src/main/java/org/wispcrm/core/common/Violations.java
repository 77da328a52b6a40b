package org.wispcrm.core.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects invalid fields so that one error names all of them at once.
 *
 * <pre>{@code
 * var violations = new Violations();
 * var phone = violations.capture("phone", () -> phones.parse(raw));
 * violations.require(!name.isBlank(), "fullName", name, "must not be blank");
 * violations.throwIfAny();
 * }</pre>
 */
public final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    /** Records a violation when {@code condition} is false. */
    public Violations require(boolean condition, String field, @Nullable Object value, String message) {
        if (!condition) {
            found.add(new FieldViolation(field, value, message));
        }
        return this;
    }

    /**
     * {@link #require(boolean, String, Object, String)} with a message built only if the condition fails: for hot
     * constructors whose messages print amounts (printing a Moneta amount costs more than the check).
     */
    public Violations require(boolean condition, String field, @Nullable Object value, Supplier<String> message) {
        if (!condition) {
            found.add(new FieldViolation(field, value, message.get()));
        }
        return this;
    }

    /** Records that a required value is missing or blank; returns whether it was present. */
    public boolean requireText(String field, @Nullable String value) {
        boolean present = value != null && !value.isBlank();
        require(present, field, value, "must not be blank");
        return present;
    }

    /**
     * Runs a parser or factory; if it rejects its input, records the violations under {@code field} and returns
     * null so validation of the other fields can go on.
     */
    public <T> @Nullable T capture(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (WispCrmException e) {
            if (e.code() != ErrorCode.INVALID_INPUT) {
                throw e;
            }
            e.violations().forEach(v -> found.add(v.renamed(field)));
            return null;
        }
    }

    /** Whether nothing has been found wrong. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws one {@link ErrorCode#INVALID_INPUT} error naming every violation, if there are any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw WispCrmException.invalid(found);
        }
    }
}

package org.wispcrm.core.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked exception family of WISP CRM. Every failure a host may handle carries an {@link ErrorCode},
 * the invalid fields (for {@link ErrorCode#INVALID_INPUT}) and context naming the entity concerned.
 *
 * <p>Instances are created through the static factories so messages stay uniform.
 */
public class WispCrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<FieldViolation> violations;
    private final Map<String, String> context;

    /**
     * Creates an exception; prefer the static factories.
     *
     * @param code what went wrong
     * @param message a human-readable summary
     * @param violations the invalid fields, empty unless the code is {@link ErrorCode#INVALID_INPUT}
     * @param context identifiers of the entities concerned, in insertion order
     * @param cause the underlying failure, if any
     */
    protected WispCrmException(
            ErrorCode code,
            String message,
            List<FieldViolation> violations,
            Map<String, String> context,
            @Nullable Throwable cause) {
        super(message, cause);
        this.code = code;
        this.violations = List.copyOf(violations);
        this.context = Map.copyOf(context);
    }

    /** Invalid input naming every bad field at once. */
    public static WispCrmException invalid(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid-input error needs at least one violation");
        }
        String summary = violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; "));
        return new WispCrmException(ErrorCode.INVALID_INPUT, "Invalid input: " + summary, violations, Map.of(), null);
    }

    /** Invalid input of a single field. */
    public static WispCrmException invalid(String field, @Nullable Object value, String message) {
        return invalid(List.of(new FieldViolation(field, value, message)));
    }

    /** The entity of the given type and id does not exist. */
    public static WispCrmException notFound(String entity, Object id) {
        return new WispCrmException(
                ErrorCode.NOT_FOUND,
                entity + " " + id + " not found",
                List.of(),
                Map.of(key(entity), String.valueOf(id)),
                null);
    }

    /** A state change that the entity's workflow does not allow. */
    public static WispCrmException illegalTransition(String entity, Object id, Enum<?> from, String action) {
        return new WispCrmException(
                ErrorCode.ILLEGAL_TRANSITION,
                "Cannot " + action + " " + entity + " " + id + " while it is " + from,
                List.of(),
                ordered(key(entity), String.valueOf(id), "status", from.name()),
                null);
    }

    /** The entity changed since it was read; the caller should reload and retry. */
    public static WispCrmException concurrentModification(String entity, Object id) {
        return new WispCrmException(
                ErrorCode.CONCURRENT_MODIFICATION,
                entity + " " + id + " was modified concurrently; reload and retry",
                List.of(),
                Map.of(key(entity), String.valueOf(id)),
                null);
    }

    /** A unique key is already taken. */
    public static WispCrmException duplicate(String entity, String uniqueKey, Object value) {
        return new WispCrmException(
                ErrorCode.DUPLICATE,
                entity + " with " + uniqueKey + " '" + value + "' already exists",
                List.of(),
                ordered("entity", entity, uniqueKey, String.valueOf(value)),
                null);
    }

    /** A required collaborator or setting is missing or wrong at start-up. */
    public static WispCrmException configuration(String message) {
        return new WispCrmException(ErrorCode.CONFIGURATION, message, List.of(), Map.of(), null);
    }

    /** An adapter failed; {@code code} says which kind (persistence, storage, notification). */
    public static WispCrmException adapterFailure(ErrorCode code, String message, @Nullable Throwable cause) {
        return new WispCrmException(code, message, List.of(), Map.of(), cause);
    }

    /** What went wrong. */
    public ErrorCode code() {
        return code;
    }

    /** The invalid fields; empty unless {@link #code()} is {@link ErrorCode#INVALID_INPUT}. */
    public List<FieldViolation> violations() {
        return violations;
    }

    /** Identifiers of the entities concerned (for example {@code customerId}). */
    public Map<String, String> context() {
        return context;
    }

    private static String key(String entity) {
        return Character.toLowerCase(entity.charAt(0)) + entity.substring(1).replace(" ", "") + "Id";
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        var map = new LinkedHashMap<String, String>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}

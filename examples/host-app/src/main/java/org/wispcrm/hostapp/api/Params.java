package org.wispcrm.hostapp.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;

/** Reads request fields into domain types, collecting every bad one in a {@link Violations}. */
public final class Params {
    private Params() {}

    /** A page request (default the first 20); bad numbers are named {@code page} and {@code size}. */
    public static @Nullable PageRequest page(Violations v, @Nullable Integer page, @Nullable Integer size) {
        try {
            return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
        } catch (WispCrmException e) {
            e.violations().forEach(x -> v.require(false, x.field(), x.rejectedValue(), x.message()));
            return null;
        }
    }

    /** A required id such as {@code CustomerId::new}. */
    public static <T> @Nullable T id(Violations v, String field, @Nullable String text, Function<UUID, T> make) {
        if (text == null || text.isBlank()) {
            v.require(false, field, text, "is required");
            return null;
        }
        return optionalId(v, field, text, make);
    }

    /** An optional id: null when absent. */
    public static <T> @Nullable T optionalId(
            Violations v, String field, @Nullable String text, Function<UUID, T> make) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return make.apply(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            v.require(false, field, text, "must be a UUID");
            return null;
        }
    }

    /** An optional enum constant, case-insensitive. */
    public static <E extends Enum<E>> @Nullable E optionalEnum(
            Violations v, String field, @Nullable String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.require(false, field, text, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** A required enum constant. */
    public static <E extends Enum<E>> @Nullable E requiredEnum(
            Violations v, String field, @Nullable String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            v.require(false, field, text, "is required");
            return null;
        }
        return optionalEnum(v, field, text, type);
    }

    /** An optional ISO date. */
    public static @Nullable LocalDate optionalDate(Violations v, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (RuntimeException e) {
            v.require(false, field, text, "must be a date like 2026-11-30");
            return null;
        }
    }

    /** An optional year-month such as {@code 2026-11}. */
    public static @Nullable YearMonth optionalMonth(Violations v, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (RuntimeException e) {
            v.require(false, field, text, "must be a month like 2026-11");
            return null;
        }
    }

    /** A required amount in the given currency; must be more than zero. */
    public static @Nullable MonetaryAmount positiveAmount(
            Violations v, String field, @Nullable BigDecimal amount, String currency) {
        if (amount == null) {
            v.require(false, field, null, "is required");
            return null;
        }
        if (amount.signum() <= 0) {
            v.require(false, field, amount, "must be more than zero");
            return null;
        }
        return Money.of(amount, currency);
    }

    /** Throws a 400 naming {@code field} unless {@code condition}. */
    public static void check(boolean condition, String field, @Nullable Object value, String message) {
        if (!condition) {
            throw WispCrmException.invalid(field, value, message);
        }
    }
}

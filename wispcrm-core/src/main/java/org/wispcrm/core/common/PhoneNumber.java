package org.wispcrm.core.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import org.jspecify.annotations.Nullable;

/**
 * A phone number in E.164 form ({@code +573001234567}), as WhatsApp and SMS gateways expect it.
 *
 * <p>Numbers people type enter through {@link #parse}, which checks them against libphonenumber's numbering plans.
 * The constructor, used for stored numbers, checks the form only: a number accepted once must not become unreadable
 * when a newer libphonenumber changes a country's plan, and a billing run loading 100,000 customers should not
 * check each of their numbers against those plans again.
 *
 * @param e164 the number in E.164 form: {@code +}, then 7 to 15 digits, the first not {@code 0}
 */
public record PhoneNumber(String e164) {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    /** Accepts a number in E.164 form (see the class comment: the form only). */
    public PhoneNumber {
        if (!isE164(e164)) {
            throw WispCrmException.invalid("phone", e164, "is not a phone number in E.164 form (+ and 7 to 15 digits)");
        }
    }

    /**
     * Parses a number as a person types it ({@code 300 123 4567}, {@code +57 300-123-4567}); numbers without a
     * country code are read in {@code defaultRegion} (ISO 3166 code such as {@code "CO"}). Only numbers that are
     * valid in their country's numbering plan are accepted.
     */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        String e164 = normalise(raw, defaultRegion);
        if (e164 == null) {
            throw WispCrmException.invalid("phone", raw, "is not a valid phone number for region " + defaultRegion);
        }
        return new PhoneNumber(e164);
    }

    /** Whether {@code region} is a region code libphonenumber knows. */
    public static boolean isKnownRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    private static @Nullable String normalise(@Nullable String raw, @Nullable String region) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            var parsed = UTIL.parse(raw, region);
            return UTIL.isValidNumber(parsed) ? UTIL.format(parsed, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static boolean isE164(@Nullable String text) {
        if (text == null || text.length() < MIN_DIGITS + 1 || text.length() > MAX_DIGITS + 1) {
            return false;
        }
        if (text.charAt(0) != '+' || text.charAt(1) == '0') {
            return false;
        }
        return text.chars().skip(1).allMatch(c -> c >= '0' && c <= '9');
    }

    /** The number with all but the country code and last four digits hidden, for logs. */
    public String masked() {
        int keep = 4;
        int prefix = Math.min(3, e164.length() - keep);
        return e164.substring(0, prefix)
                + "*".repeat(e164.length() - prefix - keep)
                + e164.substring(e164.length() - keep);
    }

    /** The masked form: a phone number never reaches a log whole. */
    @Override
    public String toString() {
        return masked();
    }
}

package org.wispcrm.core.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import org.jspecify.annotations.Nullable;

/**
 * A valid phone number in E.164 form ({@code +573001234567}), as WhatsApp and SMS gateways expect it.
 *
 * @param e164 the number in E.164 form
 */
public record PhoneNumber(String e164) {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Accepts only an already valid E.164 number (used when reading stored data). */
    public PhoneNumber {
        if (e164 == null || !e164.equals(normalise(e164, null))) {
            throw WispCrmException.invalid("phone", e164, "is not a valid E.164 phone number");
        }
    }

    /**
     * Parses a number as a person types it ({@code 300 123 4567}, {@code +57 300-123-4567}); numbers without a
     * country code are read in {@code defaultRegion} (ISO 3166 code such as {@code "CO"}).
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

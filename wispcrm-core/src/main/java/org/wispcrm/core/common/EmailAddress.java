package org.wispcrm.core.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid email address, stored with its domain in lower case.
 *
 * @param value the address
 */
public record EmailAddress(String value) {
    // A pragmatic subset of RFC 5322: what mail providers actually accept for customers' addresses.
    private static final Pattern SHAPE =
            Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");

    /** Validates the shape and length (at most 254 characters, local part at most 64). */
    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches() || value.indexOf('@') > 64) {
            throw WispCrmException.invalid("email", value, "is not a valid email address");
        }
        int at = value.indexOf('@');
        value = value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT);
    }

    /** Parses an address as typed, trimming surrounding blanks. */
    public static EmailAddress of(String raw) {
        return new EmailAddress(raw == null ? null : raw.strip());
    }

    /** The address with the local part hidden but its first letter, for logs. */
    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    /** The masked form: an email address never reaches a log whole. */
    @Override
    public String toString() {
        return masked();
    }
}

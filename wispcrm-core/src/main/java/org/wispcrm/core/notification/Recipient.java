package org.wispcrm.core.notification;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PhoneNumber;

/**
 * Whom a message goes to; each channel uses the address it needs.
 *
 * @param name the customer's name, for salutations and email display names
 * @param phone mobile number, if known
 * @param email email address, if known
 * @param locale language of the message
 */
public record Recipient(
        String name, @Nullable PhoneNumber phone, @Nullable EmailAddress email, Locale locale) {
    /** Rejects missing parts. */
    public Recipient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(locale, "locale");
    }
}

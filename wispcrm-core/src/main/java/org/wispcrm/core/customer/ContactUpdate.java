package org.wispcrm.core.customer;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;

/**
 * Changes to a customer's contact data. A null field keeps the current value; for the optional fields
 * ({@code nationalId}, {@code email}, {@code phone}) a blank string clears it. Phone and email come as typed, so
 * that every bad field is reported at once. Start from {@link #none()}.
 *
 * @param fullName new name
 * @param nationalId new national id, or blank to clear it
 * @param email new email as typed, or blank to clear it
 * @param phone new phone as typed, or blank to clear it
 * @param address new billing address
 * @param locale new language and country
 * @param notificationPreferences new channel preferences
 */
public record ContactUpdate(
        @Nullable String fullName,
        @Nullable String nationalId,
        @Nullable String email,
        @Nullable String phone,
        @Nullable Address address,
        @Nullable Locale locale,
        @Nullable NotificationPreferences notificationPreferences) {

    /** An update that changes nothing. */
    public static ContactUpdate none() {
        return new ContactUpdate(null, null, null, null, null, null, null);
    }

    /** The same update, also changing the name. */
    public ContactUpdate withFullName(String value) {
        return new ContactUpdate(value, nationalId, email, phone, address, locale, notificationPreferences);
    }

    /** The same update, also changing (or, when blank, clearing) the national id. */
    public ContactUpdate withNationalId(String value) {
        return new ContactUpdate(fullName, value, email, phone, address, locale, notificationPreferences);
    }

    /** The same update, also changing (or, when blank, clearing) the email. */
    public ContactUpdate withEmail(String value) {
        return new ContactUpdate(fullName, nationalId, value, phone, address, locale, notificationPreferences);
    }

    /** The same update, also changing (or, when blank, clearing) the phone. */
    public ContactUpdate withPhone(String value) {
        return new ContactUpdate(fullName, nationalId, email, value, address, locale, notificationPreferences);
    }

    /** The same update, also changing the address. */
    public ContactUpdate withAddress(Address value) {
        return new ContactUpdate(fullName, nationalId, email, phone, value, locale, notificationPreferences);
    }

    /** The same update, also changing the locale. */
    public ContactUpdate withLocale(Locale value) {
        return new ContactUpdate(fullName, nationalId, email, phone, address, value, notificationPreferences);
    }

    /** The same update, also changing the notification preferences. */
    public ContactUpdate withNotificationPreferences(NotificationPreferences value) {
        return new ContactUpdate(fullName, nationalId, email, phone, address, locale, value);
    }
}

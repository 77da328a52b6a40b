package org.wispcrm.core.customer;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.PhoneNumber;

/**
 * Criteria for a customer search; null criteria match everything. Results are ordered by full name, then id.
 *
 * @param nameContains part of the full name, case-insensitive
 * @param nationalId exact national id
 * @param phone exact phone number
 * @param status exact status
 */
public record CustomerQuery(
        @Nullable String nameContains,
        @Nullable String nationalId,
        @Nullable PhoneNumber phone,
        @Nullable CustomerStatus status) {

    /** Matches every customer. */
    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null);
    }

    /** Customers whose name contains the text. */
    public static CustomerQuery nameContains(String text) {
        return new CustomerQuery(text, null, null, null);
    }

    /** Whether a customer matches; adapters that cannot push a criterion down use this as the reference. */
    public boolean matches(Customer customer) {
        var profile = customer.profile();
        return (nameContains == null
                        || profile.fullName().toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT)))
                && (nationalId == null || nationalId.equals(profile.nationalId()))
                && (phone == null || phone.equals(profile.phone()))
                && (status == null || status == customer.status());
    }
}

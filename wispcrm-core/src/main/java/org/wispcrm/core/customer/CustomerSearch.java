package org.wispcrm.core.customer;

import org.jspecify.annotations.Nullable;

/**
 * Search criteria as a clerk types them; null criteria match everything. The phone is parsed in the default
 * region, so {@code 300 123 4567} finds {@code +573001234567}.
 *
 * @param nameContains part of the full name, case-insensitive
 * @param nationalId exact national id
 * @param phone phone number as typed
 * @param status exact status
 */
public record CustomerSearch(
        @Nullable String nameContains,
        @Nullable String nationalId,
        @Nullable String phone,
        @Nullable CustomerStatus status) {

    /** Every customer. */
    public static CustomerSearch all() {
        return new CustomerSearch(null, null, null, null);
    }

    /** Customers whose name contains the text. */
    public static CustomerSearch byName(String text) {
        return new CustomerSearch(text, null, null, null);
    }

    /** The customer with this national id. */
    public static CustomerSearch byNationalId(String nationalId) {
        return new CustomerSearch(null, nationalId, null, null);
    }

    /** Customers with this phone number, as typed. */
    public static CustomerSearch byPhone(String phone) {
        return new CustomerSearch(null, null, phone, null);
    }

    /** Customers in this status. */
    public static CustomerSearch byStatus(CustomerStatus status) {
        return new CustomerSearch(null, null, null, status);
    }

    /** The same criteria, also restricted to a status. */
    public CustomerSearch withStatus(CustomerStatus newStatus) {
        return new CustomerSearch(nameContains, nationalId, phone, newStatus);
    }
}

package org.wispcrm.core.invoice;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.customer.Customer;

/**
 * The customer as billed: copied onto a document when it is issued, so later changes to the customer never change
 * what an issued invoice says.
 *
 * @param code the ISP's customer code
 * @param name full name as billed
 * @param nationalId tax or identity number, if known
 * @param address billing address
 * @param email email address, if known
 * @param phone phone number, if known
 * @param locale language and country of the customer's documents
 */
public record CustomerSnapshot(
        String code,
        String name,
        @Nullable String nationalId,
        Address address,
        @Nullable EmailAddress email,
        @Nullable PhoneNumber phone,
        Locale locale) {

    /** Validates the required parts. */
    public CustomerSnapshot {
        var violations = new Violations();
        violations.requireText("customer.code", code);
        violations.requireText("customer.name", name);
        violations.throwIfAny();
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(locale, "locale");
    }

    /** The customer's current data. */
    public static CustomerSnapshot of(Customer customer) {
        var profile = customer.profile();
        return new CustomerSnapshot(
                customer.code(),
                profile.fullName(),
                profile.nationalId(),
                profile.address(),
                profile.email(),
                profile.phone(),
                profile.locale());
    }
}

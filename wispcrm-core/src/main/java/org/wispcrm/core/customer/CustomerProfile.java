package org.wispcrm.core.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.EmailAddress;
import org.wispcrm.core.common.PhoneNumber;
import org.wispcrm.core.common.Violations;

/**
 * What a customer tells the ISP about themself: the editable part of a {@link Customer}, and what an invoice
 * snapshots.
 *
 * @param fullName name as billed
 * @param nationalId tax or identity number (cédula, NIT, RUC…), if given
 * @param email email address, if any
 * @param phone mobile number (WhatsApp), if any
 * @param address billing address
 * @param locale language and country for documents and messages
 * @param notificationPreferences channels to notify, most preferred first
 * @param taxExempt whether invoices carry no tax
 * @param dataProcessingConsentAt when the customer consented to data processing, if they did
 */
public record CustomerProfile(
        String fullName,
        @Nullable String nationalId,
        @Nullable EmailAddress email,
        @Nullable PhoneNumber phone,
        Address address,
        Locale locale,
        NotificationPreferences notificationPreferences,
        boolean taxExempt,
        @Nullable Instant dataProcessingConsentAt) {

    /** Validates the name and normalises blanks. */
    public CustomerProfile {
        var violations = new Violations();
        if (violations.requireText("fullName", fullName)) {
            violations.require(
                    fullName.strip().length() <= 200, "fullName", fullName, "must be at most 200 characters");
        }
        violations.require(
                nationalId == null || nationalId.strip().matches("[A-Za-z0-9.\\-]{3,30}"),
                "nationalId",
                nationalId,
                "must be 3 to 30 letters, digits, dots or dashes");
        violations.throwIfAny();
        fullName = fullName.strip();
        nationalId = nationalId == null ? null : nationalId.strip();
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(notificationPreferences, "notificationPreferences");
    }
}

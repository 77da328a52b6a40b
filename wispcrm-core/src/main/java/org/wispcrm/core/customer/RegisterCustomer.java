package org.wispcrm.core.customer;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;

/**
 * What a clerk enters to register a customer. Phone and email come as typed, so that {@link CustomerService}
 * can report every bad field in one error. Build it with {@link #builder()}.
 *
 * @param code the ISP's own customer code, or null to have one generated
 * @param fullName name as billed
 * @param nationalId tax or identity number, if given
 * @param email email address as typed, if any
 * @param phone phone number as typed ({@code 300 123 4567} or {@code +57 300 123 4567}); numbers without a
 *     country code are read in the default region configured on {@code WispCrm}
 * @param address billing address
 * @param locale language and country for documents and messages
 * @param notificationPreferences channels to notify, or null for {@link NotificationPreferences#defaults()}
 * @param taxExempt whether invoices carry no tax
 * @param dataProcessingConsent whether the customer consented to data processing now
 * @param firstSubscription a subscription sold together with the registration, if any
 */
public record RegisterCustomer(
        @Nullable String code,
        @Nullable String fullName,
        @Nullable String nationalId,
        @Nullable String email,
        @Nullable String phone,
        @Nullable Address address,
        @Nullable Locale locale,
        @Nullable NotificationPreferences notificationPreferences,
        boolean taxExempt,
        boolean dataProcessingConsent,
        @Nullable NewSubscription firstSubscription) {

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RegisterCustomer}; nothing is validated until the use case runs. */
    public static final class Builder {
        private @Nullable String code;
        private @Nullable String fullName;
        private @Nullable String nationalId;
        private @Nullable String email;
        private @Nullable String phone;
        private @Nullable Address address;
        private @Nullable Locale locale;
        private @Nullable NotificationPreferences notificationPreferences;
        private boolean taxExempt;
        private boolean dataProcessingConsent;
        private @Nullable NewSubscription firstSubscription;

        private Builder() {}

        /** The customer code; generated when not set. */
        public Builder code(@Nullable String value) {
            this.code = value;
            return this;
        }

        /** The full name. */
        public Builder fullName(@Nullable String value) {
            this.fullName = value;
            return this;
        }

        /** The national id. */
        public Builder nationalId(@Nullable String value) {
            this.nationalId = value;
            return this;
        }

        /** The email address as typed. */
        public Builder email(@Nullable String value) {
            this.email = value;
            return this;
        }

        /** The phone number as typed. */
        public Builder phone(@Nullable String value) {
            this.phone = value;
            return this;
        }

        /** The billing address. */
        public Builder address(@Nullable Address value) {
            this.address = value;
            return this;
        }

        /** The language and country for documents and messages. */
        public Builder locale(@Nullable Locale value) {
            this.locale = value;
            return this;
        }

        /** The channels to notify, most preferred first. */
        public Builder notificationPreferences(@Nullable NotificationPreferences value) {
            this.notificationPreferences = value;
            return this;
        }

        /** Whether invoices carry no tax. */
        public Builder taxExempt(boolean value) {
            this.taxExempt = value;
            return this;
        }

        /** Whether the customer consents to data processing now. */
        public Builder dataProcessingConsent(boolean value) {
            this.dataProcessingConsent = value;
            return this;
        }

        /** A subscription sold with the registration. */
        public Builder firstSubscription(@Nullable NewSubscription value) {
            this.firstSubscription = value;
            return this;
        }

        /** The command. */
        public RegisterCustomer build() {
            return new RegisterCustomer(
                    code,
                    fullName,
                    nationalId,
                    email,
                    phone,
                    address,
                    locale,
                    notificationPreferences,
                    taxExempt,
                    dataProcessingConsent,
                    firstSubscription);
        }
    }
}

package org.wispcrm.billing.document;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.Violations;

/**
 * The ISP as printed at the top of every document: configured once, shared by every renderer.
 *
 * @param name legal or trade name
 * @param taxId tax identification number without its label ("901.234.567-7"); documents print it after the
 *     localised label (isp.taxId: "NIT" in Spanish, "Tax ID" in English)
 * @param address the ISP's address
 * @param phone a phone number for customers, printed as given, if any
 * @param email an email address for customers, if any
 * @param website a web address, if any
 * @param logo a PNG or JPEG logo, if any
 * @param paymentInstructions how to pay, by language tag ({@code "es"}, {@code "en"}) with {@code ""} as the
 *     fallback for any other language
 */
public record IspProfile(
        String name,
        String taxId,
        Address address,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String website,
        byte @Nullable [] logo,
        Map<String, String> paymentInstructions) {

    /** Validates the required parts and copies the logo and instructions. */
    public IspProfile {
        var violations = new Violations();
        violations.requireText("isp.name", name);
        violations.requireText("isp.taxId", taxId);
        violations.require(address != null, "isp.address", null, "must be present");
        violations.require(logo == null || logo.length > 0, "isp.logo", "0 bytes", "must not be empty");
        violations.throwIfAny();
        logo = logo == null ? null : logo.clone();
        paymentInstructions = Map.copyOf(paymentInstructions);
    }

    /** A builder for the required name, tax id and address. */
    public static Builder builder(String name, String taxId, Address address) {
        return new Builder(name, taxId, address);
    }

    /** A copy of the logo bytes, if any. */
    @Override
    public byte @Nullable [] logo() {
        return logo == null ? null : logo.clone();
    }

    /**
     * The payment instructions for a customer's locale: the exact language tag ({@code es-CO}), then the language
     * ({@code es}), then the fallback ({@code ""}); null when none applies.
     */
    public @Nullable String paymentInstructionsFor(Locale locale) {
        String text = paymentInstructions.get(locale.toLanguageTag());
        if (text == null) {
            text = paymentInstructions.get(locale.getLanguage());
        }
        return text != null ? text : paymentInstructions.get("");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IspProfile that
                && name.equals(that.name)
                && taxId.equals(that.taxId)
                && address.equals(that.address)
                && Objects.equals(phone, that.phone)
                && Objects.equals(email, that.email)
                && Objects.equals(website, that.website)
                && Arrays.equals(logo, that.logo)
                && paymentInstructions.equals(that.paymentInstructions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, taxId, address, phone, email, website, paymentInstructions) * 31
                + Arrays.hashCode(logo);
    }

    @Override
    public String toString() {
        return "IspProfile[" + name + ", " + taxId + (logo == null ? "" : ", logo " + logo.length + " bytes") + "]";
    }

    /** Builds an {@link IspProfile}. */
    public static final class Builder {
        private final String name;
        private final String taxId;
        private final Address address;
        private @Nullable String phone;
        private @Nullable String email;
        private @Nullable String website;
        private byte @Nullable [] logo;
        private final Map<String, String> instructions = new LinkedHashMap<>();

        private Builder(String name, String taxId, Address address) {
            this.name = name;
            this.taxId = taxId;
            this.address = address;
        }

        /** A phone number for customers, printed as given. */
        public Builder phone(String value) {
            phone = value;
            return this;
        }

        /** An email address for customers. */
        public Builder email(String value) {
            email = value;
            return this;
        }

        /** A web address. */
        public Builder website(String value) {
            website = value;
            return this;
        }

        /** A PNG or JPEG logo, printed at most 60 points high. */
        public Builder logo(byte[] value) {
            logo = value.clone();
            return this;
        }

        /** Payment instructions for every language without its own. */
        public Builder paymentInstructions(String text) {
            instructions.put("", text);
            return this;
        }

        /** Payment instructions for one language ({@code Locale.forLanguageTag("es")}) or language and country. */
        public Builder paymentInstructions(Locale locale, String text) {
            instructions.put(locale.getCountry().isEmpty() ? locale.getLanguage() : locale.toLanguageTag(), text);
            return this;
        }

        /** The profile. */
        public IspProfile build() {
            return new IspProfile(name, taxId, address, phone, email, website, logo, instructions);
        }
    }
}

package org.wispcrm.core.common;

import org.jspecify.annotations.Nullable;

/**
 * A postal or service address. Rural WISP addresses are often descriptive ("Vereda El Rosal, finca 3"), so only
 * the first line, the city and the country are required.
 *
 * @param line1 street and number, or a description of the place
 * @param line2 optional second line (apartment, landmark)
 * @param city city or municipality
 * @param region optional state, department or province
 * @param postalCode optional postal code
 * @param countryCode ISO 3166-1 alpha-2 country code, upper case
 */
public record Address(
        String line1,
        @Nullable String line2,
        String city,
        @Nullable String region,
        @Nullable String postalCode,
        String countryCode) {

    /** Validates the required parts; every bad part is named at once. */
    public Address {
        var violations = new Violations();
        violations.requireText("address.line1", line1);
        violations.requireText("address.city", city);
        violations.require(
                countryCode != null && countryCode.matches("[A-Z]{2}"),
                "address.countryCode",
                countryCode,
                "must be an ISO 3166-1 alpha-2 code such as CO");
        violations.throwIfAny();
        line1 = line1.strip();
        city = city.strip();
    }

    /** An address with just a line, a city and a country. */
    public static Address of(String line1, String city, String countryCode) {
        return new Address(line1, null, city, null, null, countryCode);
    }

    /** The address on one line, as printed on an invoice. */
    public String singleLine() {
        var text = new StringBuilder(line1);
        if (line2 != null && !line2.isBlank()) {
            text.append(", ").append(line2);
        }
        text.append(", ").append(city);
        if (region != null && !region.isBlank()) {
            text.append(", ").append(region);
        }
        return text.toString();
    }
}

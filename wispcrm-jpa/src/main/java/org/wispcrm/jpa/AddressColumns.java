package org.wispcrm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;

/** An {@link Address} as the {@code address_*} columns of its owner's table. */
@Embeddable
class AddressColumns {
    @Column(name = "address_line1", nullable = false)
    String line1 = "";

    @Column(name = "address_line2")
    @Nullable
    String line2;

    @Column(name = "address_city", nullable = false)
    String city = "";

    @Column(name = "address_region")
    @Nullable
    String region;

    @Column(name = "address_postal_code")
    @Nullable
    String postalCode;

    @Column(name = "address_country", nullable = false)
    String countryCode = "";

    AddressColumns() {}

    static AddressColumns of(Address address) {
        var columns = new AddressColumns();
        columns.line1 = address.line1();
        columns.line2 = address.line2();
        columns.city = address.city();
        columns.region = address.region();
        columns.postalCode = address.postalCode();
        columns.countryCode = address.countryCode();
        return columns;
    }

    Address toAddress() {
        return new Address(line1, line2, city, region, postalCode, countryCode);
    }
}

package org.wispcrm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void needs_only_a_line_a_city_and_a_country() {
        Address address = Address.of("  Vereda El Rosal, finca 3 ", " Rionegro ", "CO");

        assertThat(address.line1()).isEqualTo("Vereda El Rosal, finca 3");
        assertThat(address.city()).isEqualTo("Rionegro");
        assertThat(address.singleLine()).isEqualTo("Vereda El Rosal, finca 3, Rionegro");
    }

    @Test
    void prints_the_optional_parts_on_one_line() {
        Address address = new Address("Calle 10 # 20-30", "Apto 501", "Medellín", "Antioquia", "050021", "CO");
        assertThat(address.singleLine()).isEqualTo("Calle 10 # 20-30, Apto 501, Medellín, Antioquia");
    }

    @Test
    void names_every_missing_part_at_once() {
        var e = catchThrowableOfType(WispCrmException.class, () -> new Address(" ", null, null, null, null, "co"));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations())
                .extracting(FieldViolation::field)
                .containsExactly("address.line1", "address.city", "address.countryCode");
    }
}

package org.wispcrm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource({
        "300 123 4567, CO, +573001234567",
        "(300) 123-4567, CO, +573001234567",
        "+57 300-123-4567, CO, +573001234567",
        "+57 300 123 4567, US, +573001234567",
        "(650) 253-0000, US, +16502530000",
        "650.253.0000, US, +16502530000",
        "+1 650 253 0000, CO, +16502530000"
    })
    void parses_numbers_as_people_type_them(String raw, String region, String e164) {
        assertThat(PhoneNumber.parse(raw, region).e164()).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "300", "12345678901234567", "call me", "+57 123"})
    void rejects_what_is_not_a_valid_number_naming_phone(String raw) {
        var e = catchThrowableOfType(WispCrmException.class, () -> PhoneNumber.parse(raw, "CO"));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("phone");
            assertThat(v.rejectedValue()).isEqualTo(raw);
            assertThat(v.message()).contains("CO");
        });
    }

    @Test
    void a_colombian_mobile_without_country_code_is_not_a_us_number() {
        var e = catchThrowableOfType(WispCrmException.class, () -> PhoneNumber.parse("300 123 4567", "US"));
        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("phone");
    }

    @Test
    void the_constructor_accepts_only_normalised_e164() {
        assertThat(new PhoneNumber("+573001234567").e164()).isEqualTo("+573001234567");
        var e = catchThrowableOfType(WispCrmException.class, () -> new PhoneNumber("+57 300 123 4567"));
        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"573001234567", "+0573001234567", "+57300", "+5730012345678901", "+57300123456a", "+"})
    void the_constructor_rejects_what_is_not_in_e164_form_naming_phone(String stored) {
        var e = catchThrowableOfType(WispCrmException.class, () -> new PhoneNumber(stored));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("phone");
            assertThat(v.rejectedValue()).isEqualTo(stored);
        });
    }

    @Test
    void a_stored_number_is_read_back_even_if_the_numbering_plan_no_longer_knows_it() {
        // +57 1 234 5678 is in E.164 form but not in Colombia's current plan: typed in, it is refused ...
        assertThat(catchThrowableOfType(WispCrmException.class, () -> PhoneNumber.parse("+57 1 234 5678", "CO")))
                .isNotNull();
        // ... but a number stored when an older plan allowed it still loads, so its customer can still be billed
        assertThat(new PhoneNumber("+5712345678").e164()).isEqualTo("+5712345678");
    }

    @Test
    void masks_all_but_the_country_prefix_and_last_four_digits() {
        PhoneNumber colombian = PhoneNumber.parse("300 123 4567", "CO");
        PhoneNumber american = PhoneNumber.parse("(650) 253-0000", "US");

        assertThat(colombian.masked()).isEqualTo("+57******4567");
        assertThat(american.masked()).isEqualTo("+16*****0000");
        assertThat(colombian).hasToString("+57******4567");
        assertThat(String.valueOf(colombian)).doesNotContain("3001234567");
    }

    @Test
    void knows_region_codes() {
        assertThat(PhoneNumber.isKnownRegion("CO")).isTrue();
        assertThat(PhoneNumber.isKnownRegion("US")).isTrue();
        assertThat(PhoneNumber.isKnownRegion("XX")).isFalse();
        assertThat(PhoneNumber.isKnownRegion("co")).isFalse();
    }
}

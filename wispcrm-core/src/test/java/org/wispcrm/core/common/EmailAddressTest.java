package org.wispcrm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void keeps_the_local_part_and_lower_cases_the_domain() {
        assertThat(EmailAddress.of("  Ana.Perez+facturas@Example.COM ").value())
                .isEqualTo("Ana.Perez+facturas@example.com");
    }

    @Test
    void equal_addresses_differing_only_in_domain_case_are_equal() {
        assertThat(EmailAddress.of("ana@EXAMPLE.co")).isEqualTo(EmailAddress.of("ana@example.co"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ana",
                "ana@",
                "@example.com",
                "ana@@example.com",
                "ana@localhost",
                "ana perez@example.com",
                "ana@example..com",
                ".ana@example.com",
                "ana@-example.com"
            })
    void rejects_malformed_addresses_naming_email(String raw) {
        var e = catchThrowableOfType(WispCrmException.class, () -> EmailAddress.of(raw));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("email");
    }

    @Test
    void rejects_a_local_part_over_64_characters_and_an_address_over_254() {
        String local64 = "a".repeat(64);
        assertThat(EmailAddress.of(local64 + "@example.com").value()).startsWith(local64);
        assertThat(catchThrowableOfType(WispCrmException.class, () -> EmailAddress.of("a" + local64 + "@example.com")))
                .isNotNull();
        String longDomain = ("d".repeat(60) + ".").repeat(5) + "com"; // 308 characters
        assertThat(catchThrowableOfType(WispCrmException.class, () -> EmailAddress.of("ana@" + longDomain)))
                .isNotNull();
    }

    @Test
    void masks_the_local_part_but_its_first_letter() {
        EmailAddress email = EmailAddress.of("ana.perez@example.com");
        assertThat(email.masked()).isEqualTo("a***@example.com");
        assertThat(email).hasToString("a***@example.com");
    }
}

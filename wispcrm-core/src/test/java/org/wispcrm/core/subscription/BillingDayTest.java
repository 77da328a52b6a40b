package org.wispcrm.core.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;

class BillingDayTest {

    @ParameterizedTest(name = "day {0} on {1} -> period from {2}")
    @CsvSource({
        "5, 2026-03-10, 2026-03-05",
        "5, 2026-03-05, 2026-03-05",
        "5, 2026-03-04, 2026-02-05",
        "20, 2026-01-15, 2025-12-20",
        "28, 2026-02-28, 2026-02-28",
        "28, 2026-03-01, 2026-02-28",
        "28, 2024-02-29, 2024-02-28",
        "1, 2026-12-31, 2026-12-01",
        "1, 2027-01-01, 2027-01-01"
    })
    void finds_the_start_of_the_period_containing_a_date(int day, LocalDate date, LocalDate start) {
        assertThat(BillingDay.of(day).periodStartOn(date)).isEqualTo(start);
    }

    @ParameterizedTest
    @CsvSource({"2026-01-31, 28", "2026-03-29, 28", "2026-04-30, 28", "2026-02-28, 28", "2026-05-07, 7"})
    void takes_the_day_from_a_date_clamping_29_to_31_to_28(LocalDate date, int day) {
        assertThat(BillingDay.clampedFrom(date)).isEqualTo(BillingDay.of(day));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 29, 31})
    void rejects_days_outside_1_to_28_naming_billingDay(int day) {
        var e = catchThrowableOfType(WispCrmException.class, () -> BillingDay.of(day));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("billingDay");
            assertThat(v.rejectedValue()).isEqualTo(day);
        });
    }
}

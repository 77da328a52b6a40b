package org.wispcrm.billing.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.plan.TaxCategory;

class BillingPolicyTest {

    static void rejects(String field, Object value, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WispCrmException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo(field);
                assertThat(v.rejectedValue()).isEqualTo(value);
            });
            assertThat(e.getMessage()).contains(field).contains(String.valueOf(value));
        });
    }

    @Test
    void defaults_are_the_documented_ones() {
        var policy = BillingPolicy.defaults();

        assertThat(policy.currency().getCurrencyCode()).isEqualTo("COP");
        assertThat(policy.timing()).isEqualTo(BillingTiming.IN_ADVANCE);
        assertThat(policy.fixedBillingDay()).isEmpty();
        assertThat(policy.firstPeriod()).isEqualTo(FirstPeriodRule.SEPARATE);
        assertThat(policy.planChange()).isEqualTo(PlanChangeRule.PRORATE);
        assertThat(policy.pricesIncludeTax()).isFalse();
        assertThat(policy.taxRateOf(TaxCategory.STANDARD)).isEqualByComparingTo("0.19");
        assertThat(policy.taxRateOf(TaxCategory.EXEMPT)).isEqualByComparingTo("0");
        assertThat(policy.taxRounding()).isEqualTo(TaxRounding.PER_LINE);
        assertThat(policy.cashRounding()).isEmpty();
        assertThat(policy.dueDays()).isEqualTo(10);
        assertThat(policy.graceDays()).isEqualTo(5);
        assertThat(policy.lateFee()).isEmpty();
        assertThat(policy.suspendAfterDaysOverdue()).contains(30);
        assertThat(policy.reconnectionFee()).isEmpty();
        assertThat(policy.billSuspended()).isFalse();
        assertThat(policy.invoiceSeries()).isEqualTo("FE");
        assertThat(policy.creditNoteSeries()).isEqualTo("NC");
        assertThat(policy.reminderDaysBeforeDue()).isEqualTo(3);
        assertThat(policy.overdueNoticeDays()).containsExactly(0, 7);
    }

    @Test
    void every_option_is_kept_and_to_builder_copies_them() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .timing(BillingTiming.IN_ARREARS)
                .fixedBillingDay(1)
                .firstPeriod(FirstPeriodRule.MERGE_WITH_NEXT)
                .planChange(PlanChangeRule.NEXT_PERIOD)
                .pricesIncludeTax(true)
                .taxRate(TaxCategory.STANDARD, new BigDecimal("7.5"))
                .taxRounding(TaxRounding.PER_INVOICE)
                .cashRounding(new BigDecimal("0.05"))
                .dueDays(0)
                .graceDays(0)
                .lateFee(LateFee.percent(new BigDecimal("2")))
                .suspendAfterDaysOverdue(null)
                .reconnectionFee(Money.of(10, "USD"))
                .billSuspended(true)
                .invoiceSeries("INV")
                .creditNoteSeries("CN")
                .reminderDaysBeforeDue(0)
                .overdueNoticeDays(List.of(15, 1, 1))
                .build();

        var copy = policy.toBuilder().build();

        for (var p : List.of(policy, copy)) {
            assertThat(p.currency().getCurrencyCode()).isEqualTo("USD");
            assertThat(p.timing()).isEqualTo(BillingTiming.IN_ARREARS);
            assertThat(p.fixedBillingDay())
                    .hasValueSatisfying(d -> assertThat(d.value()).isEqualTo(1));
            assertThat(p.taxRateOf(TaxCategory.STANDARD)).isEqualByComparingTo("0.075");
            assertThat(p.cashRounding()).contains(new BigDecimal("0.05"));
            assertThat(p.suspendAfterDaysOverdue()).isEmpty();
            assertThat(p.overdueNoticeDays()).containsExactly(1, 15);
            assertThat(p.invoiceSeries()).isEqualTo("INV");
            assertThat(p.lateFee()).contains(LateFee.percent(new BigDecimal("2")));
        }
    }

    @Test
    void bad_values_are_rejected_at_once_naming_the_value() {
        var builder = BillingPolicy.builder();
        rejects("dueDays", -1, () -> builder.dueDays(-1));
        rejects("graceDays", -2, () -> builder.graceDays(-2));
        rejects("fixedBillingDay", 29, () -> builder.fixedBillingDay(29));
        rejects("fixedBillingDay", 0, () -> builder.fixedBillingDay(0));
        rejects(
                "taxRate.STANDARD",
                new BigDecimal("-1"),
                () -> builder.taxRate(TaxCategory.STANDARD, new BigDecimal("-1")));
        rejects(
                "taxRate.STANDARD",
                new BigDecimal("101"),
                () -> builder.taxRate(TaxCategory.STANDARD, new BigDecimal("101")));
        rejects("cashRounding", BigDecimal.ZERO, () -> builder.cashRounding(BigDecimal.ZERO));
        rejects("suspendAfterDaysOverdue", 0, () -> builder.suspendAfterDaysOverdue(0));
        rejects("invoiceSeries", "fe", () -> builder.invoiceSeries("fe"));
        rejects("currency", "XYZ", () -> builder.currency("XYZ"));
        rejects("reminderDaysBeforeDue", -3, () -> builder.reminderDaysBeforeDue(-3));
        rejects("reconnectionFee", Money.of(0, "COP"), () -> builder.reconnectionFee(Money.of(0, "COP")));
        rejects("lateFee.percent", new BigDecimal("0"), () -> LateFee.percent(BigDecimal.ZERO));
        // the builder is still usable and unchanged by the rejected values
        assertThat(builder.build().dueDays()).isEqualTo(10);
    }

    @Test
    void contradicting_options_fail_at_build() {
        rejects(
                "creditNoteSeries",
                "FE",
                () -> BillingPolicy.builder().creditNoteSeries("FE").build());
        rejects(
                "reconnectionFee",
                Money.of(5, "USD"),
                () -> BillingPolicy.builder()
                        .reconnectionFee(Money.of(5, "USD"))
                        .build());
    }

    @Test
    void late_fee_is_fixed_or_a_percent_of_the_overdue_balance() {
        assertThat(LateFee.fixed(Money.of(5000, "COP")).feeFor(Money.of(77350, "COP")))
                .isEqualTo(Money.of(5000, "COP"));
        // 2% of 77,350 = 1,547.00; 1.5% of 33.33 = 0.49995 -> 0.50
        assertThat(LateFee.percent(new BigDecimal("2")).feeFor(Money.of(77350, "COP")))
                .isEqualTo(Money.of(1547, "COP"));
        assertThat(LateFee.percent(new BigDecimal("1.5")).feeFor(Money.of(new BigDecimal("33.33"), "USD")))
                .isEqualTo(Money.of(new BigDecimal("0.50"), "USD"));
    }
}

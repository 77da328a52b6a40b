package org.wispcrm.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.plain;
import static org.wispcrm.billing.BillingWorld.summary;
import static org.wispcrm.billing.BillingWorld.usd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.TaxRounding;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.InvoiceLineKind;
import org.wispcrm.core.plan.TaxCategory;

/** The pure arithmetic: proration, tax exclusive/inclusive per line/per invoice, cash rounding. */
class BillingCalculatorTest {
    static final BillingPeriod NOVEMBER = BillingPeriod.monthStartingOn(LocalDate.of(2026, 11, 1));

    static PricedItem item(MonetaryAmount amount) {
        return item(InvoiceLineKind.ONE_TIME_CHARGE, amount);
    }

    static PricedItem item(InvoiceLineKind kind, MonetaryAmount amount) {
        return new PricedItem(kind, "x", null, null, null, amount, TaxCategory.STANDARD);
    }

    @ParameterizedTest
    @CsvSource({
        "65000, 2026-11-01, 2026-12-01, 65000.00",
        "65000, 2026-11-17, 2026-12-01, 30333.33",
        "65000, 2026-11-21, 2026-12-01, 21666.67",
        "65000, 2026-11-01, 2026-11-02, 2166.67",
        "60000, 2026-11-16, 2026-12-01, 30000.00",
        "0, 2026-11-17, 2026-12-01, 0.00"
    })
    void prorates_by_actual_days_half_up(String monthly, LocalDate from, LocalDate to, String expected) {
        assertThat(plain(BillingCalculator.prorate(cop(monthly), BillingPeriod.of(from, to), NOVEMBER)))
                .isEqualTo(expected);
    }

    @Test
    void proration_uses_the_cycle_length_of_february_and_31_day_months() {
        var february = BillingPeriod.monthStartingOn(LocalDate.of(2027, 2, 1));
        var december = BillingPeriod.monthStartingOn(LocalDate.of(2026, 12, 1));
        assertThat(plain(BillingCalculator.prorate(
                        usd("28.00"), BillingPeriod.of(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 1)), february)))
                .isEqualTo("14.00");
        assertThat(plain(BillingCalculator.prorate(
                        usd("31.00"),
                        BillingPeriod.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 11)),
                        december)))
                .isEqualTo("10.00");
    }

    @Test
    void a_part_outside_its_cycle_is_invalid() {
        assertThatThrownBy(() -> BillingCalculator.prorate(
                        cop("1000"), BillingPeriod.of(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 5)), NOVEMBER))
                .isInstanceOf(WispCrmException.class);
    }

    @Test
    void exclusive_tax_per_line_rounds_each_line() {
        var calculator = new BillingCalculator(BillingPolicy.defaults());

        var lines =
                calculator.taxed(List.of(item(cop("10000.03")), item(cop("10000.03")), item(cop("10000.03"))), false);

        // 10,000.03 x 0.19 = 1,900.0057 -> 1,900.01 each: 5,700.03 in all
        assertThat(lines).extracting(l -> plain(l.taxAmount())).containsExactly("1900.01", "1900.01", "1900.01");
    }

    @Test
    void exclusive_tax_per_invoice_rounds_once_and_spreads_the_cents() {
        var calculator = new BillingCalculator(
                BillingPolicy.builder().taxRounding(TaxRounding.PER_INVOICE).build());

        var lines =
                calculator.taxed(List.of(item(cop("10000.03")), item(cop("10000.03")), item(cop("10000.03"))), false);

        // 30,000.09 x 0.19 = 5,700.0171 -> 5,700.02; one line gives back a cent
        assertThat(lines).extracting(l -> plain(l.taxAmount())).containsExactly("1900.00", "1900.01", "1900.01");
        assertThat(lines).extracting(l -> plain(l.netAmount())).containsOnly("10000.03");
    }

    @Test
    void inclusive_tax_splits_the_price_and_keeps_what_the_customer_pays() {
        var calculator = new BillingCalculator(
                BillingPolicy.builder().pricesIncludeTax(true).build());

        var lines = calculator.taxed(List.of(item(cop("65000")), item(InvoiceLineKind.DISCOUNT, cop("-6500"))), false);

        // 65,000 / 1.19 = 54,621.85 + 10,378.15; -6,500 / 1.19 = -5,462.18 - 1,037.82
        assertThat(lines.stream().map(l -> summary(l)).toList())
                .containsExactly("ONE_TIME_CHARGE 54621.85 10378.15", "DISCOUNT -5462.18 -1037.82");
    }

    @Test
    void inclusive_tax_per_invoice() {
        var calculator = new BillingCalculator(BillingPolicy.builder()
                .pricesIncludeTax(true)
                .taxRounding(TaxRounding.PER_INVOICE)
                .build());

        var lines =
                calculator.taxed(List.of(item(cop("10000.01")), item(cop("10000.01")), item(cop("10000.01"))), false);

        // each: 10,000.01 / 1.19 = 8,403.37 net, 1,596.64 tax; together 30,000.03 / 1.19 = 25,210.11 net, 4,789.92 tax
        assertThat(lines.stream().map(l -> plain(l.taxAmount())).toList())
                .containsExactly("1596.64", "1596.64", "1596.64");
        var tax = lines.stream()
                .map(l -> l.taxAmount())
                .reduce(MonetaryAmount::add)
                .orElseThrow();
        assertThat(plain(tax)).isEqualTo("4789.92");
        assertThat(lines).allSatisfy(l -> assertThat(l.total()).isEqualTo(cop("10000.01")));
    }

    @Test
    void exempt_customers_and_untaxed_kinds_get_rate_zero() {
        var calculator = new BillingCalculator(BillingPolicy.defaults());

        var exempt = calculator.taxed(List.of(item(cop("65000"))), true);
        var rounding = calculator.taxed(List.of(item(InvoiceLineKind.ROUNDING, cop("0.34"))), false);

        assertThat(summary(exempt.get(0))).isEqualTo("ONE_TIME_CHARGE 65000.00 0.00");
        assertThat(exempt.get(0).taxRate()).isEqualByComparingTo("0");
        assertThat(summary(rounding.get(0))).isEqualTo("ROUNDING 0.34 0.00");
    }

    @Test
    void a_category_without_a_rate_is_a_configuration_error() {
        var calculator = new BillingCalculator(BillingPolicy.defaults());
        var item = new PricedItem(
                InvoiceLineKind.RECURRING, "x", null, null, null, cop("1000"), new TaxCategory("LUXURY"));

        assertThatThrownBy(() -> calculator.taxed(List.of(item), false))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.getMessage()).contains("LUXURY"));
    }

    @ParameterizedTest
    @CsvSource({
        "1, 36096.66, 0.34",
        "1, 25783.34, -0.34",
        "1, 100.50, 0.50",
        "1, 100.49, -0.49",
        "50, 36096.66, 3.34",
        "50, 36074.99, -24.99",
        "100, 77350.00, 50.00",
        "0.05, 9.33, 0.02",
        "0.05, 9.32, -0.02",
        "1, 65000.00, 0.00"
    })
    void cash_rounding_goes_to_the_nearest_multiple_halves_up(String increment, String total, String difference) {
        assertThat(plain(BillingCalculator.cashRoundingDifference(cop(total), new BigDecimal(increment))))
                .isEqualTo(difference);
    }

    @Test
    void no_rounding_line_without_cash_rounding_or_when_already_round() {
        var none = new BillingCalculator(BillingPolicy.defaults());
        var pesos = new BillingCalculator(
                BillingPolicy.builder().cashRounding(BigDecimal.ONE).build());

        assertThat(none.cashRoundingLine(cop("36096.66"), "Redondeo")).isEmpty();
        assertThat(pesos.cashRoundingLine(cop("36097"), "Redondeo")).isEmpty();
        assertThat(pesos.cashRoundingLine(cop("36096.66"), "Redondeo"))
                .hasValueSatisfying(l -> assertThat(summary(l)).isEqualTo("ROUNDING 0.34 0.00"));
    }
}

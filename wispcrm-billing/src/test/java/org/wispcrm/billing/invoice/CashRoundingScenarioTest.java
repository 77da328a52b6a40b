package org.wispcrm.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.plain;
import static org.wispcrm.billing.BillingWorld.summary;
import static org.wispcrm.billing.BillingWorld.usd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.plan.TaxCategory;

/** Totals payable in cash: an explicit rounding line so the lines still add up to the total. */
class CashRoundingScenarioTest {
    static final LocalDate NOV_17 = LocalDate.of(2026, 11, 17);
    static final LocalDate NOV_21 = LocalDate.of(2026, 11, 21);

    BillingWorld world(BigDecimal increment, LocalDate today) {
        return new BillingWorld(
                BillingPolicy.builder()
                        .fixedBillingDay(1)
                        .cashRounding(increment)
                        .build(),
                today);
    }

    @Test
    void whole_pesos_round_up() {
        var world = world(BigDecimal.ONE, NOV_17);
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), NOV_17, null);

        world.runOn(NOV_17);

        var invoice = world.invoiceOn(ana, NOV_17);
        assertThat(summary(invoice)).containsExactly("PRORATED 30333.33 5763.33", "ROUNDING 0.34 0.00");
        assertThat(invoice.lines().get(1).description()).isEqualTo("Redondeo");
        assertThat(plain(invoice.total())).isEqualTo("36097.00");
    }

    @Test
    void whole_pesos_round_down() {
        var world = world(BigDecimal.ONE, NOV_21);
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), NOV_21, null);

        world.runOn(NOV_21);

        // 10 of 30 days: 21,666.67 + 4,116.67 = 25,783.34 -> 25,783
        var invoice = world.invoiceOn(ana, NOV_21);
        assertThat(summary(invoice)).containsExactly("PRORATED 21666.67 4116.67", "ROUNDING -0.34 0.00");
        assertThat(plain(invoice.total())).isEqualTo("25783.00");
    }

    @Test
    void fifty_peso_coins() {
        var world = world(new BigDecimal("50"), NOV_17);
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), NOV_17, null);

        world.runOn(NOV_17);

        var invoice = world.invoiceOn(ana, NOV_17);
        assertThat(summary(invoice)).containsExactly("PRORATED 30333.33 5763.33", "ROUNDING 3.34 0.00");
        assertThat(plain(invoice.total())).isEqualTo("36100.00");
    }

    @Test
    void no_rounding_line_when_the_total_is_already_round() {
        var world = world(BigDecimal.ONE, LocalDate.of(2026, 12, 1));
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), LocalDate.of(2026, 12, 1), null);

        world.runOn(LocalDate.of(2026, 12, 1));

        assertThat(summary(world.invoiceOn(ana, LocalDate.of(2026, 12, 1))))
                .containsExactly("RECURRING 65000.00 12350.00");
    }

    @Test
    void usd_nickels() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .taxRate(TaxCategory.STANDARD, 0)
                .fixedBillingDay(1)
                .cashRounding(new BigDecimal("0.05"))
                .build();
        var world = new BillingWorld(policy, NOV_17);
        var bob = world.customer("Bob Smith", Locale.US, false);
        world.subscribe(bob, world.plan("Home 5", usd("19.99")), NOV_17, null);

        world.runOn(NOV_17);

        // 19.99 x 14/30 = 9.3287 -> 9.33 -> 9.35
        var invoice = world.invoiceOn(bob, NOV_17);
        assertThat(summary(invoice)).containsExactly("PRORATED 9.33 0.00", "ROUNDING 0.02 0.00");
        assertThat(invoice.lines().get(1).description()).isEqualTo("Rounding");
        assertThat(plain(invoice.total())).isEqualTo("9.35");
    }
}

package org.wispcrm.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.plain;
import static org.wispcrm.billing.BillingWorld.summary;
import static org.wispcrm.billing.BillingWorld.usd;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.billing.policy.FirstPeriodRule;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.plan.TaxCategory;

/** The partial first period billed together with the next full month. */
class MergedFirstPeriodScenarioTest {
    static final LocalDate NOV_17 = LocalDate.of(2026, 11, 17);

    @Test
    void cop_first_invoice_covers_partial_and_full_month_and_the_next_run_skips_it() {
        var policy = BillingPolicy.builder()
                .fixedBillingDay(1)
                .firstPeriod(FirstPeriodRule.MERGE_WITH_NEXT)
                .build();
        var world = new BillingWorld(policy, NOV_17);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, plan, NOV_17, null);

        world.runOn(NOV_17);

        var first = world.invoiceOn(ana, NOV_17);
        assertThat(first.period()).isEqualTo(BillingPeriod.of(NOV_17, LocalDate.of(2027, 1, 1)));
        assertThat(summary(first)).containsExactly("PRORATED 30333.33 5763.33", "RECURRING 65000.00 12350.00");
        assertThat(plain(first.subtotal())).isEqualTo("95333.33");
        assertThat(plain(first.taxTotal())).isEqualTo("18113.33");
        assertThat(plain(first.total())).isEqualTo("113446.66");

        var december = world.runOn(LocalDate.of(2026, 12, 1));
        assertThat(december.invoiced()).isZero();
        assertThat(december.alreadyBilled()).isEqualTo(1);

        world.runOn(LocalDate.of(2027, 1, 1));
        var january = world.invoiceOn(ana, LocalDate.of(2027, 1, 1));
        assertThat(summary(january)).containsExactly("RECURRING 65000.00 12350.00");
        assertThat(world.invoicesOf(ana)).hasSize(2);
    }

    @Test
    void usd_merged_period_without_tax() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .taxRate(TaxCategory.STANDARD, 0)
                .fixedBillingDay(1)
                .firstPeriod(FirstPeriodRule.MERGE_WITH_NEXT)
                .build();
        var world = new BillingWorld(policy, NOV_17);
        var plan = world.plan("Home 10", usd("30.00"));
        var bob = world.customer("Bob Smith", Locale.US, false);
        world.subscribe(bob, plan, NOV_17, null);

        world.runOn(NOV_17);

        var first = world.invoiceOn(bob, NOV_17);
        assertThat(summary(first)).containsExactly("PRORATED 14.00 0.00", "RECURRING 30.00 0.00");
        assertThat(plain(first.total())).isEqualTo("44.00");
    }

    @Test
    void activation_on_the_billing_day_has_nothing_to_merge() {
        var policy = BillingPolicy.builder()
                .fixedBillingDay(1)
                .firstPeriod(FirstPeriodRule.MERGE_WITH_NEXT)
                .build();
        var dec1 = LocalDate.of(2026, 12, 1);
        var world = new BillingWorld(policy, dec1);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, plan, dec1, null);

        world.runOn(dec1);

        assertThat(world.invoiceOn(ana, dec1).period()).isEqualTo(BillingPeriod.monthStartingOn(dec1));
    }
}

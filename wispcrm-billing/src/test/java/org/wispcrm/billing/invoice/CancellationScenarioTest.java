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
import org.wispcrm.billing.policy.BillingTiming;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.plan.TaxCategory;

/** Cancelled subscriptions: billed up to their last day of service, never after. */
class CancellationScenarioTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    @Test
    void in_advance_a_period_starting_after_cancellation_is_not_billed() {
        var world = new BillingWorld(BillingPolicy.builder().fixedBillingDay(1).build(), OCT_1);
        var plan = world.plan("Hogar 10 Mbps", cop("60000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, plan, OCT_1, null);
        world.runOn(NOV_1);
        world.cancel(subscription, NOV_10);

        var december = world.runOn(DEC_1);

        assertThat(december.invoiced()).isZero();
        assertThat(december.skipped()).isEqualTo(1);
        assertThat(world.invoicesOf(ana)).hasSize(1);
    }

    @Test
    void in_advance_a_late_run_bills_only_up_to_the_last_day_of_service() {
        var world = new BillingWorld(BillingPolicy.builder().fixedBillingDay(1).build(), OCT_1);
        var plan = world.plan("Hogar 10 Mbps", cop("60000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, plan, OCT_1, null);
        world.cancel(subscription, NOV_10);

        world.runOn(LocalDate.of(2026, 11, 12));

        // Nov 1..10 is 10 of 30 days: 20,000 + IVA 3,800
        var invoice = world.invoiceOn(ana, LocalDate.of(2026, 11, 12));
        assertThat(summary(invoice)).containsExactly("PRORATED 20000.00 3800.00");
        assertThat(invoice.lines().get(0).servicePeriod())
                .isEqualTo(BillingPeriod.of(NOV_1, LocalDate.of(2026, 11, 11)));
        assertThat(plain(invoice.total())).isEqualTo("23800.00");
    }

    @Test
    void in_arrears_the_final_partial_month_is_billed_after_it_ends_and_then_nothing() {
        var policy = BillingPolicy.builder()
                .fixedBillingDay(1)
                .timing(BillingTiming.IN_ARREARS)
                .build();
        var world = new BillingWorld(policy, OCT_1);
        var plan = world.plan("Hogar 10 Mbps", cop("60000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, plan, OCT_1, null);

        assertThat(world.runOn(OCT_1).invoiced()).isZero(); // nothing served yet
        world.runOn(NOV_1);
        world.cancel(subscription, NOV_10);
        world.runOn(DEC_1);
        var january = world.runOn(LocalDate.of(2027, 1, 1));

        assertThat(summary(world.invoiceOn(ana, NOV_1))).containsExactly("RECURRING 60000.00 11400.00");
        assertThat(summary(world.invoiceOn(ana, DEC_1))).containsExactly("PRORATED 20000.00 3800.00");
        assertThat(january.invoiced()).isZero();
        assertThat(world.invoicesOf(ana)).hasSize(2);
    }

    @Test
    void usd_cancellation_in_arrears() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .taxRate(TaxCategory.STANDARD, 0)
                .fixedBillingDay(1)
                .timing(BillingTiming.IN_ARREARS)
                .build();
        var world = new BillingWorld(policy, OCT_1);
        var plan = world.plan("Home 10", usd("29.99"));
        var bob = world.customer("Bob Smith", Locale.US, false);
        var subscription = world.subscribe(bob, plan, OCT_1, null);
        world.cancel(subscription, NOV_10);

        world.runOn(DEC_1);

        // 29.99 x 10/30 = 9.99667 -> 10.00
        assertThat(summary(world.invoiceOn(bob, DEC_1))).containsExactly("PRORATED 10.00 0.00");
    }
}

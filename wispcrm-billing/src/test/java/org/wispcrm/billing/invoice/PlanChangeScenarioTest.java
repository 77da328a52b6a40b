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
import org.wispcrm.billing.policy.PlanChangeRule;
import org.wispcrm.core.plan.TaxCategory;

/** Plan upgrades and downgrades in the middle of a period. */
class PlanChangeScenarioTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV_16 = LocalDate.of(2026, 11, 16);
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    @Test
    void upgrade_after_invoicing_credits_the_old_plan_and_charges_the_new_on_the_next_invoice() {
        var world = new BillingWorld(BillingPolicy.builder().fixedBillingDay(1).build(), OCT_1);
        var basic = world.plan("Básico 5 Mbps", cop("60000"));
        var plus = world.plan("Plus 20 Mbps", cop("90000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, basic, OCT_1, null);
        world.runOn(NOV_1);
        assertThat(plain(world.invoiceOn(ana, NOV_1).total())).isEqualTo("71400.00");

        world.changePlan(subscription, plus, NOV_16);
        world.runOn(DEC_1);

        // Nov 16..30 is 15 of 30 days: credit 60,000/2, charge 90,000/2; December at the new plan.
        var december = world.invoiceOn(ana, DEC_1);
        assertThat(summary(december))
                .containsExactly(
                        "RECURRING 90000.00 17100.00",
                        "PLAN_CHANGE_CREDIT -30000.00 -5700.00",
                        "PRORATED 45000.00 8550.00");
        assertThat(december.lines().get(1).description())
                .isEqualTo("Crédito por cambio de plan: Básico 5 Mbps, 15 de 30 días (2026-11-16 a 2026-11-30)");
        assertThat(plain(december.subtotal())).isEqualTo("105000.00");
        assertThat(plain(december.taxTotal())).isEqualTo("19950.00");
        assertThat(plain(december.total())).isEqualTo("124950.00");

        world.runOn(LocalDate.of(2027, 1, 1));
        assertThat(summary(world.invoiceOn(ana, LocalDate.of(2027, 1, 1))))
                .containsExactly("RECURRING 90000.00 17100.00");
    }

    @Test
    void downgrade_after_invoicing_gives_back_the_difference() {
        var world = new BillingWorld(BillingPolicy.builder().fixedBillingDay(1).build(), OCT_1);
        var basic = world.plan("Básico 5 Mbps", cop("60000"));
        var plus = world.plan("Plus 20 Mbps", cop("90000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, plus, OCT_1, null);
        world.runOn(NOV_1);

        world.changePlan(subscription, basic, NOV_16);
        world.runOn(DEC_1);

        var december = world.invoiceOn(ana, DEC_1);
        assertThat(summary(december))
                .containsExactly(
                        "RECURRING 60000.00 11400.00",
                        "PLAN_CHANGE_CREDIT -45000.00 -8550.00",
                        "PRORATED 30000.00 5700.00");
        assertThat(plain(december.total())).isEqualTo("53550.00");
    }

    @Test
    void change_known_before_invoicing_is_split_on_the_invoice_itself_and_not_settled_twice() {
        var world = new BillingWorld(BillingPolicy.builder().fixedBillingDay(1).build(), OCT_1);
        var basic = world.plan("Básico 5 Mbps", cop("60000"));
        var plus = world.plan("Plus 20 Mbps", cop("90000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, basic, OCT_1, null);
        world.changePlan(subscription, plus, LocalDate.of(2026, 12, 16));

        world.runOn(DEC_1);

        // December has 31 days: 15 at 60,000 (29,032.258) and 16 at 90,000 (46,451.613)
        assertThat(summary(world.invoiceOn(ana, DEC_1)))
                .containsExactly("PRORATED 29032.26 5516.13", "PRORATED 46451.61 8825.81");

        world.runOn(LocalDate.of(2027, 1, 1));
        assertThat(summary(world.invoiceOn(ana, LocalDate.of(2027, 1, 1))))
                .containsExactly("RECURRING 90000.00 17100.00");
    }

    @Test
    void deferred_plan_change_bills_the_new_plan_from_the_next_period_only() {
        var policy = BillingPolicy.builder()
                .fixedBillingDay(1)
                .planChange(PlanChangeRule.NEXT_PERIOD)
                .build();
        var world = new BillingWorld(policy, OCT_1);
        var basic = world.plan("Básico 5 Mbps", cop("60000"));
        var plus = world.plan("Plus 20 Mbps", cop("90000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, basic, OCT_1, null);
        world.runOn(NOV_1);
        world.changePlan(subscription, plus, NOV_16);

        world.runOn(DEC_1);

        assertThat(summary(world.invoiceOn(ana, DEC_1))).containsExactly("RECURRING 90000.00 17100.00");
    }

    @Test
    void usd_upgrade_in_arrears_is_split_by_days_on_the_invoice_for_the_month() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .taxRate(TaxCategory.STANDARD, 0)
                .fixedBillingDay(1)
                .timing(BillingTiming.IN_ARREARS)
                .build();
        var world = new BillingWorld(policy, OCT_1);
        var home = world.plan("Home 10", usd("30.00"));
        var pro = world.plan("Pro 50", usd("45.00"));
        var bob = world.customer("Bob Smith", Locale.US, false);
        var subscription = world.subscribe(bob, home, OCT_1, null);
        world.changePlan(subscription, pro, NOV_16);

        world.runOn(NOV_1); // October, in arrears
        world.runOn(DEC_1); // November, in arrears

        assertThat(summary(world.invoiceOn(bob, NOV_1))).containsExactly("RECURRING 30.00 0.00");
        assertThat(summary(world.invoiceOn(bob, DEC_1))).containsExactly("PRORATED 15.00 0.00", "PRORATED 22.50 0.00");
        assertThat(plain(world.invoiceOn(bob, DEC_1).total())).isEqualTo("37.50");
    }
}

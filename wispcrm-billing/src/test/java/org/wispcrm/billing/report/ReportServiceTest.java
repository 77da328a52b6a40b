package org.wispcrm.billing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.percentOff;
import static org.wispcrm.billing.BillingWorld.plain;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.plan.TaxCategory;

/** Reports over a small ISP whose numbers can be checked by hand. */
class ReportServiceTest {
    static final LocalDate SEP_1 = LocalDate.of(2026, 9, 1);
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    BillingWorld world = new BillingWorld(
            BillingPolicy.builder().suspendAfterDaysOverdue(null).build(), SEP_1);
    Customer ana = world.customer("Ana");
    Customer beto = world.customer("Beto");
    Customer carla = world.customer("Carla");

    ReportServiceTest() {
        var hogar = world.plan("Hogar 10 Mbps", cop("65000"));
        var social = world.plan("Social 3 Mbps", cop("30000"), TaxCategory.EXEMPT);
        world.subscribe(ana, hogar, SEP_1, null);
        var betoSub = world.subscribe(beto, hogar, SEP_1, null);
        world.discount(betoSub, percentOff("Vecino", 10, SEP_1, null));
        var carlaSub = world.subscribe(carla, social, SEP_1, null);
        world.runOn(SEP_1); // Sep: ana 77,350; beto 69,615; carla 30,000 (all due Sep 11)
        world.pay(ana, cop("77350"), "A-SEP", LocalDate.of(2026, 9, 5));
        world.pay(carla, cop("30000"), "C-SEP", LocalDate.of(2026, 9, 8));
        world.runOn(OCT_1); // Oct: same amounts, due Oct 11
        world.pay(ana, cop("77350"), "A-OCT", LocalDate.of(2026, 10, 4));
        world.cancel(carlaSub, LocalDate.of(2026, 10, 20));
        world.clock.today(LocalDate.of(2026, 10, 21));
        world.billing
                .creditNotes()
                .credit(
                        world.invoicesOf(carla).get(1).number(),
                        cop("30000"),
                        TaxCategory.EXEMPT,
                        "Retiro",
                        "Cancelación");
    }

    @Test
    void invoiced_credited_and_collected_per_month() {
        var rows = world.billing.reports().invoicedAndCollected(YearMonth.of(2026, 9), YearMonth.of(2026, 11));

        assertThat(rows)
                .extracting(r ->
                        r.month() + " " + plain(r.invoiced()) + " " + plain(r.credited()) + " " + plain(r.collected()))
                .containsExactly(
                        "2026-09 176965.00 0.00 107350.00",
                        "2026-10 176965.00 30000.00 77350.00",
                        "2026-11 0.00 0.00 0.00");
    }

    @Test
    void receivables_aging_buckets_open_balances_by_days_overdue() {
        var aging = world.billing.reports().receivablesAging(NOV_1);

        // beto: Sep 69,615 (51 days overdue) and Oct 69,615 (21 days); nothing current
        assertThat(plain(aging.current())).isEqualTo("0.00");
        assertThat(plain(aging.days1To30())).isEqualTo("69615.00");
        assertThat(plain(aging.days31To60())).isEqualTo("69615.00");
        assertThat(plain(aging.days61To90())).isEqualTo("0.00");
        assertThat(plain(aging.over90())).isEqualTo("0.00");
        assertThat(plain(aging.total())).isEqualTo("139230.00");
        assertThat(plain(world.billing
                        .reports()
                        .receivablesAging(LocalDate.of(2026, 12, 20))
                        .over90()))
                .isEqualTo("69615.00");
        assertThat(plain(world.billing
                        .reports()
                        .receivablesAging(LocalDate.of(2026, 10, 5))
                        .current()))
                .isEqualTo("69615.00");
    }

    @Test
    void subscriptions_by_plan_and_status() {
        assertThat(world.billing.reports().subscriptionsByPlanAndStatus())
                .extracting(r -> r.planName() + " " + r.status() + " " + r.subscriptions())
                .containsExactly("Hogar 10 Mbps ACTIVE 2", "Social 3 Mbps CANCELLED 1");
    }

    @Test
    void mrr_and_arpu() {
        var revenue = world.billing.reports().revenue(NOV_1);

        // ana 65,000 + beto 65,000 - 10% = 58,500
        assertThat(plain(revenue.mrr())).isEqualTo("123500.00");
        assertThat(revenue.activeSubscriptions()).isEqualTo(2);
        assertThat(revenue.activeCustomers()).isEqualTo(2);
        assertThat(plain(revenue.arpu())).isEqualTo("61750.00");
    }

    @Test
    void churn_per_month() {
        assertThat(world.billing.reports().churn(YearMonth.of(2026, 10), YearMonth.of(2026, 11)))
                .extracting(c -> c.month() + " " + c.activeAtStart() + " " + c.cancelled() + " " + c.rate())
                .containsExactly("2026-10 3 1 0.3333", "2026-11 2 0 0.0000");
    }

    @Test
    void collection_rate_of_a_range() {
        var rate = world.billing.reports().collectionRate(SEP_1, NOV_1);

        // invoiced 353,930 less 30,000 credited = 323,930; paid 77,350 x 2 + 30,000 = 184,700
        assertThat(plain(rate.invoiced())).isEqualTo("323930.00");
        assertThat(plain(rate.collected())).isEqualTo("184700.00");
        assertThat(rate.rate()).isEqualByComparingTo("0.5702");
    }

    @Test
    void tax_collected_per_rate_net_of_credit_notes() {
        assertThat(world.billing.reports().taxByRate(SEP_1, NOV_1))
                .extracting(t -> t.ratePercent().toPlainString() + " " + plain(t.taxable()) + " " + plain(t.tax()))
                .containsExactly("0 30000.00 0.00", "19 247000.00 46930.00");
        assertThatThrownBy(() -> world.billing.reports().taxByRate(NOV_1, SEP_1))
                .isInstanceOf(WispCrmException.class);
    }
}

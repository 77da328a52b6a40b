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

/** Tax-exclusive and tax-inclusive prices, exempt customers and tax categories. */
class TaxScenarioTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV_17 = LocalDate.of(2026, 11, 17);

    @Test
    void exclusive_prices_add_iva() {
        var world = new BillingWorld(BillingPolicy.defaults(), OCT_1);
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);

        world.runOn(NOV_1);

        var invoice = world.invoiceOn(ana, NOV_1);
        assertThat(summary(invoice)).containsExactly("RECURRING 65000.00 12350.00");
        assertThat(invoice.lines().get(0).taxRate()).isEqualByComparingTo("0.19");
        assertThat(plain(invoice.total())).isEqualTo("77350.00");
    }

    @Test
    void inclusive_prices_are_what_the_customer_pays_split_into_net_and_iva() {
        var world =
                new BillingWorld(BillingPolicy.builder().pricesIncludeTax(true).build(), OCT_1);
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);

        world.runOn(NOV_1);

        // 65,000 / 1.19 = 54,621.848 -> 54,621.85 net, 10,378.15 IVA
        var invoice = world.invoiceOn(ana, NOV_1);
        assertThat(summary(invoice)).containsExactly("RECURRING 54621.85 10378.15");
        assertThat(plain(invoice.total())).isEqualTo("65000.00");
    }

    @Test
    void inclusive_prorated_price() {
        var policy = BillingPolicy.builder()
                .pricesIncludeTax(true)
                .fixedBillingDay(1)
                .build();
        var world = new BillingWorld(policy, NOV_17);
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), NOV_17, null);

        world.runOn(NOV_17);

        // 65,000 x 14/30 = 30,333.33 paid; / 1.19 = 25,490.19 net; 4,843.14 IVA
        var invoice = world.invoiceOn(ana, NOV_17);
        assertThat(summary(invoice)).containsExactly("PRORATED 25490.19 4843.14");
        assertThat(plain(invoice.total())).isEqualTo("30333.33");
    }

    @Test
    void exempt_customer_pays_no_tax() {
        var world = new BillingWorld(BillingPolicy.defaults(), OCT_1);
        var school = world.customer("Colegio Rural La Cuncia", Locale.forLanguageTag("es-CO"), true);
        world.subscribe(school, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);

        world.runOn(NOV_1);

        var invoice = world.invoiceOn(school, NOV_1);
        assertThat(summary(invoice)).containsExactly("RECURRING 65000.00 0.00");
        assertThat(plain(invoice.taxTotal())).isEqualTo("0.00");
    }

    @Test
    void each_category_has_its_rate() {
        var reduced = new TaxCategory("REDUCED");
        var policy =
                BillingPolicy.builder().taxRate(reduced, new BigDecimal("5")).build();
        var world = new BillingWorld(policy, OCT_1);
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);
        world.subscribe(ana, world.plan("Rural 3 Mbps", cop("40000"), reduced), OCT_1, null);
        world.subscribe(ana, world.plan("Social", cop("20000"), TaxCategory.EXEMPT), OCT_1, null);

        world.runOn(NOV_1);

        var invoice = world.invoiceOn(ana, NOV_1);
        assertThat(summary(invoice))
                .containsExactlyInAnyOrder(
                        "RECURRING 65000.00 12350.00", "RECURRING 40000.00 2000.00", "RECURRING 20000.00 0.00");
        assertThat(plain(invoice.total())).isEqualTo("139350.00");
    }

    @Test
    void usd_without_tax() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .taxRate(TaxCategory.STANDARD, 0)
                .build();
        var world = new BillingWorld(policy, OCT_1);
        var bob = world.customer("Bob Smith", Locale.US, false);
        world.subscribe(bob, world.plan("Home 10", usd("29.99")), OCT_1, null);

        world.runOn(NOV_1);

        var invoice = world.invoiceOn(bob, NOV_1);
        assertThat(summary(invoice)).containsExactly("RECURRING 29.99 0.00");
        assertThat(invoice.lines().get(0).description()).isEqualTo("Home 10 (2026-11-01 to 2026-11-30)");
        assertThat(plain(invoice.total())).isEqualTo("29.99");
    }
}

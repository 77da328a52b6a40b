package org.wispcrm.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.percentOff;
import static org.wispcrm.billing.BillingWorld.plain;
import static org.wispcrm.billing.BillingWorld.summary;
import static org.wispcrm.billing.BillingWorld.usd;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.plan.TaxCategory;
import org.wispcrm.core.subscription.Discount;

/** Recurring discounts, percent or fixed, within their validity dates. */
class DiscountScenarioTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV_17 = LocalDate.of(2026, 11, 17);

    @Test
    void percent_discount_applies_while_valid_and_reduces_the_taxable_base() {
        var world = new BillingWorld(BillingPolicy.defaults(), OCT_1);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, plan, OCT_1, null);
        world.discount(subscription, percentOff("Promoción 10%", 10, NOV_1, LocalDate.of(2026, 12, 31)));

        world.runOn(NOV_1);
        world.runOn(LocalDate.of(2027, 1, 1));

        var november = world.invoiceOn(ana, NOV_1);
        assertThat(summary(november)).containsExactly("RECURRING 65000.00 12350.00", "DISCOUNT -6500.00 -1235.00");
        assertThat(november.lines().get(1).description()).isEqualTo("Promoción 10%");
        assertThat(plain(november.total())).isEqualTo("69615.00");
        assertThat(summary(world.invoiceOn(ana, LocalDate.of(2027, 1, 1))))
                .containsExactly("RECURRING 65000.00 12350.00");
    }

    @Test
    void fixed_discount_is_prorated_with_a_partial_period() {
        var world = new BillingWorld(BillingPolicy.builder().fixedBillingDay(1).build(), NOV_17);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, plan, NOV_17, null);
        world.discount(subscription, Discount.fixed("Descuento vecino", cop("10000"), NOV_1, null));

        world.runOn(NOV_17);

        // 10,000 x 14/30 = 4,666.67; IVA on it 886.67
        var invoice = world.invoiceOn(ana, NOV_17);
        assertThat(summary(invoice)).containsExactly("PRORATED 30333.33 5763.33", "DISCOUNT -4666.67 -886.67");
        assertThat(plain(invoice.total())).isEqualTo("30543.32");
    }

    @Test
    void fixed_discount_larger_than_the_price_leaves_a_zero_invoice_that_is_paid() {
        var world = new BillingWorld(BillingPolicy.defaults(), OCT_1);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, plan, OCT_1, null);
        world.discount(subscription, Discount.fixed("Cortesía", cop("100000"), OCT_1, null));

        world.runOn(NOV_1);

        var invoice = world.invoiceOn(ana, NOV_1);
        assertThat(summary(invoice)).containsExactly("RECURRING 65000.00 12350.00", "DISCOUNT -65000.00 -12350.00");
        assertThat(plain(invoice.total())).isEqualTo("0.00");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void discount_not_yet_valid_is_not_applied() {
        var world = new BillingWorld(BillingPolicy.defaults(), OCT_1);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        var subscription = world.subscribe(ana, plan, OCT_1, null);
        world.discount(subscription, percentOff("Desde diciembre", 50, LocalDate.of(2026, 12, 1), null));

        world.runOn(NOV_1);

        assertThat(summary(world.invoiceOn(ana, NOV_1))).containsExactly("RECURRING 65000.00 12350.00");
    }

    @Test
    void usd_percent_discount_without_tax() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .taxRate(TaxCategory.STANDARD, 0)
                .build();
        var world = new BillingWorld(policy, OCT_1);
        var plan = world.plan("Home 10", usd("29.99"));
        var bob = world.customer("Bob Smith", Locale.US, false);
        var subscription = world.subscribe(bob, plan, OCT_1, null);
        world.discount(subscription, percentOff("Veteran 20%", 20, OCT_1, null));

        world.runOn(NOV_1);

        // 20% of 29.99 = 5.998 -> 6.00
        var invoice = world.invoiceOn(bob, NOV_1);
        assertThat(summary(invoice)).containsExactly("RECURRING 29.99 0.00", "DISCOUNT -6.00 0.00");
        assertThat(plain(invoice.total())).isEqualTo("23.99");
    }
}

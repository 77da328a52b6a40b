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
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.plan.TaxCategory;

/** The first, partial period between activation and the first billing day, billed on its own. */
class LeadingProrationScenarioTest {
    static final LocalDate NOV_17 = LocalDate.of(2026, 11, 17);

    @Test
    void cop_with_iva_bills_14_of_30_days_then_a_full_month() {
        var world = new BillingWorld(BillingPolicy.builder().fixedBillingDay(1).build(), NOV_17);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, plan, NOV_17, null);

        world.runOn(NOV_17);

        var first = world.invoiceOn(ana, NOV_17);
        // 65,000 x 14/30 = 30,333.333 -> 30,333.33; IVA 19% = 5,763.3327 -> 5,763.33
        assertThat(summary(first)).containsExactly("PRORATED 30333.33 5763.33");
        assertThat(first.lines().get(0).description())
                .isEqualTo("Hogar 10 Mbps, 14 de 30 días (2026-11-17 a 2026-11-30)");
        assertThat(plain(first.total())).isEqualTo("36096.66");
        assertThat(first.period()).isEqualTo(BillingPeriod.of(NOV_17, LocalDate.of(2026, 12, 1)));
        assertThat(first.number().value()).isEqualTo("FE-000001");
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(first.status()).isEqualTo(InvoiceStatus.ISSUED);

        world.runOn(LocalDate.of(2026, 12, 1));

        var second = world.invoiceOn(ana, LocalDate.of(2026, 12, 1));
        assertThat(summary(second)).containsExactly("RECURRING 65000.00 12350.00");
        assertThat(plain(second.total())).isEqualTo("77350.00");
        assertThat(second.number().value()).isEqualTo("FE-000002");
    }

    @Test
    void february_prorates_by_its_28_days() {
        var feb10 = LocalDate.of(2027, 2, 10);
        var world = new BillingWorld(BillingPolicy.builder().fixedBillingDay(1).build(), feb10);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, plan, feb10, null);

        world.runOn(feb10);

        // 65,000 x 19/28 = 44,107.142857 -> 44,107.14; IVA 8,380.3566 -> 8,380.36
        var invoice = world.invoiceOn(ana, feb10);
        assertThat(summary(invoice)).containsExactly("PRORATED 44107.14 8380.36");
        assertThat(plain(invoice.total())).isEqualTo("52487.50");
    }

    @Test
    void usd_without_tax_rounds_the_prorated_price_to_the_cent() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .fixedBillingDay(1)
                .taxRate(TaxCategory.STANDARD, 0)
                .build();
        var world = new BillingWorld(policy, NOV_17);
        var plan = world.plan("Home 10", usd("29.99"));
        var bob = world.customer("Bob Smith", Locale.US, false);
        world.subscribe(bob, plan, NOV_17, null);

        world.runOn(NOV_17);

        // 29.99 x 14/30 = 13.99533 -> 14.00
        var invoice = world.invoiceOn(bob, NOV_17);
        assertThat(summary(invoice)).containsExactly("PRORATED 14.00 0.00");
        assertThat(invoice.lines().get(0).description()).isEqualTo("Home 10, 14 of 30 days (2026-11-17 to 2026-11-30)");
        assertThat(plain(invoice.total())).isEqualTo("14.00");
        assertThat(invoice.currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void activation_on_the_billing_day_is_a_full_month() {
        var world = new BillingWorld(BillingPolicy.defaults(), NOV_17);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, plan, NOV_17, null); // own billing day: the 17th

        world.runOn(NOV_17);

        var invoice = world.invoiceOn(ana, NOV_17);
        assertThat(summary(invoice)).containsExactly("RECURRING 65000.00 12350.00");
        assertThat(invoice.period()).isEqualTo(BillingPeriod.of(NOV_17, LocalDate.of(2026, 12, 17)));
    }

    @Test
    void activation_on_the_31st_bills_to_the_28th() {
        var oct31 = LocalDate.of(2026, 10, 31);
        var world = new BillingWorld(BillingPolicy.defaults(), oct31);
        var plan = world.plan("Hogar 10 Mbps", cop("65000"));
        var ana = world.customer("Ana Gómez");
        world.subscribe(ana, plan, oct31, null); // billing day clamped to 28

        world.runOn(oct31);

        // cycle 2026-10-28..2026-11-28 has 31 days; served 28 of them: 65,000 x 28/31 = 58,709.677 -> 58,709.68
        var invoice = world.invoiceOn(ana, oct31);
        assertThat(summary(invoice)).containsExactly("PRORATED 58709.68 11154.84");
        assertThat(invoice.period()).isEqualTo(BillingPeriod.of(oct31, LocalDate.of(2026, 11, 28)));
    }
}

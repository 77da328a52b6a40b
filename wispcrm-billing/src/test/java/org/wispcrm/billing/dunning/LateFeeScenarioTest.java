package org.wispcrm.billing.dunning;

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
import org.wispcrm.billing.policy.LateFee;
import org.wispcrm.core.charge.ChargeKind;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.plan.TaxCategory;

/** Late fees: once per invoice, after the due date plus the grace days, billed on the next invoice. */
class LateFeeScenarioTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    BillingWorld world(LateFee fee) {
        return new BillingWorld(
                BillingPolicy.builder()
                        .lateFee(fee)
                        .graceDays(5)
                        .suspendAfterDaysOverdue(null)
                        .build(),
                OCT_1);
    }

    @Test
    void fixed_fee_once_after_grace_and_billed_on_the_next_invoice() {
        var world = world(LateFee.fixed(cop("5000")));
        Customer ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);
        world.runOn(OCT_1); // FE-000001 due Oct 11

        assertThat(world.dunOn(LocalDate.of(2026, 10, 16)).lateFees()).isZero(); // 5 days: still in grace
        assertThat(world.dunOn(LocalDate.of(2026, 10, 17)).lateFees()).isEqualTo(1); // 6 days
        assertThat(world.dunOn(LocalDate.of(2026, 10, 17)).lateFees()).isZero();
        assertThat(world.dunOn(LocalDate.of(2026, 10, 25)).lateFees()).isZero();

        var charges = world.store.charges().findByCustomer(ana.id());
        assertThat(charges).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChargeKind.LATE_FEE);
            assertThat(c.amount()).isEqualTo(cop("5000"));
            assertThat(c.description()).isEqualTo("Recargo por mora, factura FE-000001");
            assertThat(c.sourceReference()).isEqualTo("late-fee:FE-000001");
        });
        world.runOn(LocalDate.of(2026, 11, 1));
        var november = world.invoice("FE-000002");
        assertThat(summary(november)).containsExactly("RECURRING 65000.00 12350.00", "LATE_FEE 5000.00 0.00");
        assertThat(plain(november.total())).isEqualTo("82350.00");
    }

    @Test
    void percent_fee_is_on_the_overdue_balance() {
        var world = world(LateFee.percent(new BigDecimal("2")));
        Customer ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);
        world.runOn(OCT_1);
        world.pay(ana, cop("27350"), "ABONO-1", LocalDate.of(2026, 10, 10)); // 50,000 left

        world.dunOn(LocalDate.of(2026, 10, 20));

        assertThat(world.store.charges().findByCustomer(ana.id()))
                .singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualTo(cop("1000")));
    }

    @Test
    void paid_invoices_get_no_fee() {
        var world = world(LateFee.fixed(cop("5000")));
        Customer ana = world.customer("Ana Gómez");
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);
        world.runOn(OCT_1);
        world.pay(ana, cop("77350"), "TRF-1", LocalDate.of(2026, 10, 20));

        assertThat(world.dunOn(LocalDate.of(2026, 10, 21)).lateFees()).isZero();
        assertThat(world.store.charges().findByCustomer(ana.id())).isEmpty();
    }

    @Test
    void usd_fixed_fee_without_tax() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .taxRate(TaxCategory.STANDARD, 0)
                .lateFee(LateFee.fixed(usd("3.00")))
                .graceDays(0)
                .build();
        var world = new BillingWorld(policy, OCT_1);
        var bob = world.customer("Bob Smith", Locale.US, false);
        world.subscribe(bob, world.plan("Home 10", usd("29.99")), OCT_1, null);
        world.runOn(OCT_1);

        world.dunOn(LocalDate.of(2026, 10, 12));
        world.runOn(LocalDate.of(2026, 11, 1));

        assertThat(world.store.charges().findByCustomer(bob.id()).get(0).description())
                .isEqualTo("Late fee, invoice FE-000001");
        assertThat(plain(world.invoice("FE-000002").total())).isEqualTo("32.99");
    }
}

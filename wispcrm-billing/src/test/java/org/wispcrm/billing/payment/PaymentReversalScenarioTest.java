package org.wispcrm.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.plain;
import static org.wispcrm.billing.BillingWorld.summary;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.payment.PaymentStatus;

/** A bounced transfer: reversing a payment reopens what it paid and takes back the credit it made. */
class PaymentReversalScenarioTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_5 = LocalDate.of(2026, 10, 5);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    BillingWorld world = new BillingWorld(BillingPolicy.defaults(), OCT_1);
    Customer ana = world.customer("Ana Gómez");

    PaymentReversalScenarioTest() {
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);
    }

    @Test
    void reversal_reopens_the_invoices_it_paid() {
        world.runOn(OCT_1);
        world.runOn(NOV_1);
        world.pay(ana, cop("100000"), "TRF-1", LocalDate.of(2026, 11, 3));

        var reversed = world.billing.payments().reverse("TRF-1", LocalDate.of(2026, 11, 6), "Fondos insuficientes");

        assertThat(reversed.status()).isEqualTo(PaymentStatus.REVERSED);
        assertThat(reversed.reversalReason()).isEqualTo("Fondos insuficientes");
        var first = world.invoice("FE-000001");
        var second = world.invoice("FE-000002");
        assertThat(first.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(plain(first.balance())).isEqualTo("77350.00");
        assertThat(second.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(plain(second.balance())).isEqualTo("77350.00");
    }

    @Test
    void reversal_takes_back_unspent_credit() {
        world.runOn(OCT_1);
        world.pay(ana, cop("100000"), "TRF-2", OCT_5);
        assertThat(plain(world.creditOf(ana))).isEqualTo("22650.00");

        world.billing.payments().reverse("TRF-2", LocalDate.of(2026, 10, 8), "Rechazada");

        assertThat(plain(world.creditOf(ana))).isEqualTo("0.00");
        assertThat(world.store.customerCredits().findMovements(ana.id()))
                .extracting(m -> m.kind() + " " + plain(m.amount()))
                .containsExactly("OVERPAYMENT 22650.00", "PAYMENT_REVERSED -22650.00");
        assertThat(plain(world.invoice("FE-000001").balance())).isEqualTo("77350.00");
    }

    @Test
    void credit_already_spent_is_charged_again_on_the_next_invoice() {
        world.runOn(OCT_1);
        world.pay(ana, cop("100000"), "TRF-3", OCT_5);
        world.runOn(NOV_1); // uses the 22,650 credit: FE-000002 is 54,700

        world.billing.payments().reverse("TRF-3", LocalDate.of(2026, 11, 8), "Contracargo");
        world.runOn(LocalDate.of(2026, 12, 1));

        assertThat(plain(world.invoice("FE-000001").balance())).isEqualTo("77350.00");
        assertThat(summary(world.invoice("FE-000003")))
                .containsExactly("RECURRING 65000.00 12350.00", "ONE_TIME_CHARGE 22650.00 0.00");
        assertThat(world.invoice("FE-000003").lines().get(1).description()).isEqualTo("Pago reversado TRF-3");
    }

    @Test
    void reversing_twice_or_an_unknown_reference_fails() {
        world.runOn(OCT_1);
        world.pay(ana, cop("10000"), "TRF-4", OCT_5);
        world.billing.payments().reverse("TRF-4", OCT_5, "Rechazada");

        assertThatThrownBy(() -> world.billing.payments().reverse("TRF-4", OCT_5, "Otra vez"))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        assertThatThrownBy(() -> world.billing.payments().reverse("NOPE", OCT_5, "x"))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(plain(world.invoice("FE-000001").balance())).isEqualTo("77350.00");
    }
}

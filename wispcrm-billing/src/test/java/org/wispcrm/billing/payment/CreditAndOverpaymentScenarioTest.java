package org.wispcrm.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.billing.BillingWorld.cop;
import static org.wispcrm.billing.BillingWorld.plain;
import static org.wispcrm.billing.BillingWorld.summary;
import static org.wispcrm.billing.BillingWorld.usd;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.BillingWorld;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.invoice.InvoiceStatus;
import org.wispcrm.core.notification.NotificationKind;
import org.wispcrm.core.notification.NotificationStatus;
import org.wispcrm.core.payment.PaymentMethod;
import org.wispcrm.core.plan.TaxCategory;

/** Payments: allocation oldest due first or as named, partial payments, overpayment to credit, idempotence. */
class CreditAndOverpaymentScenarioTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);

    BillingWorld world = new BillingWorld(BillingPolicy.defaults(), OCT_1);
    Customer ana = world.customer("Ana Gómez");

    CreditAndOverpaymentScenarioTest() {
        world.subscribe(ana, world.plan("Hogar 10 Mbps", cop("65000")), OCT_1, null);
    }

    void twoInvoices() {
        world.runOn(OCT_1); // FE-000001 77,350 due Oct 11
        world.runOn(NOV_1); // FE-000002 77,350 due Nov 11
    }

    long outbox() {
        return world.store
                .outbox()
                .findByStatus(NotificationStatus.PENDING, PageRequest.first(1))
                .totalItems();
    }

    @Test
    void a_payment_goes_to_the_oldest_due_invoice_first_and_partly_pays_the_next() {
        twoInvoices();

        var payment = world.pay(ana, cop("100000"), "BANCOLOMBIA-001", NOV_5);

        assertThat(payment.allocations())
                .extracting(a -> a.invoiceNumber().value() + " " + plain(a.amount()))
                .containsExactly("FE-000001 77350.00", "FE-000002 22650.00");
        assertThat(world.invoice("FE-000001").status()).isEqualTo(InvoiceStatus.PAID);
        var second = world.invoice("FE-000002");
        assertThat(second.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(plain(second.balance())).isEqualTo("54700.00");
        assertThat(plain(world.creditOf(ana))).isEqualTo("0.00");
        var receipt = world.store
                .outbox()
                .findByIdempotencyKey("payment-received:" + payment.id())
                .orElseThrow();
        assertThat(receipt.kind()).isEqualTo(NotificationKind.PAYMENT_RECEIVED);
        assertThat(receipt.model())
                .containsEntry("amount", "COP 100000.00")
                .containsEntry("invoices", "FE-000001, FE-000002")
                .containsEntry("leftover", "COP 0.00")
                .containsEntry("reference", "BANCOLOMBIA-001")
                .doesNotContainKey("creditBalance");
    }

    @Test
    void an_overpayment_becomes_credit_that_the_next_invoice_uses() {
        world.runOn(OCT_1);

        var payment = world.pay(ana, cop("100000"), "NEQUI-77", LocalDate.of(2026, 10, 5));
        assertThat(plain(payment.unallocated())).isEqualTo("22650.00");
        assertThat(plain(world.creditOf(ana))).isEqualTo("22650.00");
        assertThat(world.store
                        .outbox()
                        .findByIdempotencyKey("payment-received:" + payment.id())
                        .orElseThrow()
                        .model())
                .containsEntry("creditBalance", "COP 22650.00");

        world.runOn(NOV_1);

        var november = world.invoice("FE-000002");
        assertThat(summary(november)).containsExactly("RECURRING 65000.00 12350.00", "CREDIT_APPLIED -22650.00 0.00");
        assertThat(plain(november.total())).isEqualTo("54700.00");
        assertThat(plain(world.creditOf(ana))).isEqualTo("0.00");
    }

    @Test
    void a_payment_can_name_its_invoices_and_amounts() {
        twoInvoices();

        var payment = world.billing
                .payments()
                .record(new PaymentRequest(
                        ana.id(),
                        cop("50000"),
                        PaymentMethod.CASH,
                        "RECIBO-0042",
                        NOV_5,
                        List.of(new RequestedAllocation(InvoiceNumber.parse("FE-000002"), cop("30000")))));

        assertThat(payment.allocations())
                .extracting(a -> a.invoiceNumber().value() + " " + plain(a.amount()))
                .containsExactly("FE-000002 30000.00");
        assertThat(plain(world.invoice("FE-000002").balance())).isEqualTo("47350.00");
        assertThat(world.invoice("FE-000001").status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(plain(world.creditOf(ana))).isEqualTo("20000.00");
    }

    @Test
    void the_same_reference_returns_the_same_payment_and_another_amount_is_an_error() {
        twoInvoices();
        var first = world.pay(ana, cop("50000"), "PSE-123", NOV_5);
        long messages = outbox();

        var again = world.pay(ana, cop("50000"), " PSE-123 ", NOV_5);

        assertThat(again).isEqualTo(first);
        assertThat(plain(world.invoice("FE-000001").balance())).isEqualTo("27350.00");
        assertThat(outbox()).isEqualTo(messages);
        assertThatThrownBy(() -> world.pay(ana, cop("60000"), "PSE-123", NOV_5))
                .isInstanceOfSatisfying(WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE);
                    assertThat(e.getMessage()).contains("PSE-123");
                });
        assertThat(world.store.payments().findByCustomer(ana.id())).containsExactly(first);
        assertThat(plain(world.invoice("FE-000001").balance())).isEqualTo("27350.00");
    }

    @Test
    void bad_payments_are_typed_errors_and_change_nothing() {
        twoInvoices();
        var beto = world.customer("Beto");
        var before = world.store
                .invoices()
                .search(InvoiceQuery.all(), PageRequest.first(10))
                .items();
        long messages = outbox();

        assertThatThrownBy(() -> world.billing
                        .payments()
                        .record(PaymentRequest.of(ana.id(), cop("0"), PaymentMethod.CASH, " ", NOV_5)))
                .isInstanceOfSatisfying(WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.violations()).extracting(v -> v.field()).contains("amount", "externalReference");
                });
        assertThatThrownBy(() -> world.pay(ana, usd("20.00"), "USD-1", NOV_5))
                .isInstanceOfSatisfying(WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("COP");
                });
        assertThatThrownBy(() -> world.billing
                        .payments()
                        .record(new PaymentRequest(
                                ana.id(),
                                cop("100000"),
                                PaymentMethod.CASH,
                                "R-1",
                                NOV_5,
                                List.of(
                                        RequestedAllocation.of(InvoiceNumber.parse("FE-000002")),
                                        new RequestedAllocation(InvoiceNumber.parse("FE-000001"), cop("80000"))))))
                .isInstanceOfSatisfying(WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("exceeds");
                });
        assertThatThrownBy(() -> world.billing
                        .payments()
                        .record(new PaymentRequest(
                                ana.id(),
                                cop("10000"),
                                PaymentMethod.CASH,
                                "R-2",
                                NOV_5,
                                List.of(new RequestedAllocation(InvoiceNumber.parse("FE-000001"), cop("20000"))))))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> world.billing
                        .payments()
                        .record(new PaymentRequest(
                                beto.id(),
                                cop("10000"),
                                PaymentMethod.CASH,
                                "R-3",
                                NOV_5,
                                List.of(RequestedAllocation.of(InvoiceNumber.parse("FE-000001"))))))
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.getMessage()).contains("another customer"));

        assertThat(world.store
                        .invoices()
                        .search(InvoiceQuery.all(), PageRequest.first(10))
                        .items())
                .isEqualTo(before);
        assertThat(world.store.payments().findByCustomer(ana.id())).isEmpty();
        assertThat(world.store.payments().findByCustomer(beto.id())).isEmpty();
        assertThat(world.store.customerCredits().findByCustomer(ana.id())).isEmpty();
        assertThat(outbox()).isEqualTo(messages);
    }

    @Test
    void usd_overpayment_without_tax() {
        var policy = BillingPolicy.builder()
                .currency("USD")
                .taxRate(TaxCategory.STANDARD, 0)
                .build();
        var usdWorld = new BillingWorld(policy, OCT_1);
        var bob = usdWorld.customer("Bob Smith", Locale.US, false);
        usdWorld.subscribe(bob, usdWorld.plan("Home 10", usd("29.99")), OCT_1, null);
        usdWorld.runOn(OCT_1);

        usdWorld.pay(bob, usd("50.00"), "ACH-1", OCT_1.plusDays(2));
        usdWorld.runOn(NOV_1);

        assertThat(plain(usdWorld.invoice("FE-000002").total())).isEqualTo("9.98");
        assertThat(summary(usdWorld.invoice("FE-000002")))
                .containsExactly("RECURRING 29.99 0.00", "CREDIT_APPLIED -20.01 0.00");
        assertThat(plain(usdWorld.creditOf(bob))).isEqualTo("0.00");
    }
}

package org.wispcrm.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.billing.BillingWorld.cop;

import java.time.LocalDate;
import java.time.YearMonth;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.wispcrm.billing.policy.BillingPolicy;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.notification.NotificationStatus;

/** Every use case answers missing or ill-ordered input with a typed error and leaves the store as it was. */
class BadInputTest {
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    BillingWorld world = new BillingWorld(BillingPolicy.defaults(), OCT_1);

    static void invalid(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        WispCrmException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void missing_dates_ranges_in_the_wrong_order_and_bad_reversals_are_typed_errors() {
        var ana = world.customer("Ana");
        world.subscribe(ana, world.plan("Hogar", cop("65000")), OCT_1, null);
        world.runOn(OCT_1);
        world.pay(ana, cop("10000"), "TRF-1", LocalDate.of(2026, 10, 5));
        var invoices = world.store
                .invoices()
                .search(InvoiceQuery.all(), PageRequest.first(10))
                .items();
        long messages = world.store
                .outbox()
                .findByStatus(NotificationStatus.PENDING, PageRequest.first(1))
                .totalItems();

        invalid(() -> world.billing.invoicing().run(null));
        invalid(() -> world.billing.invoicing().dryRun(null));
        invalid(() -> world.billing.invoicing().generateFor(null, null));
        invalid(() -> world.billing.dunning().run(null));
        invalid(() -> world.billing.payments().reverse("TRF-1", LocalDate.of(2026, 10, 4), "antes del pago"));
        invalid(() -> world.billing.payments().reverse("TRF-1", null, "sin fecha"));
        invalid(() -> world.billing.payments().reverse("TRF-1", LocalDate.of(2026, 10, 6), " "));
        invalid(() -> world.billing.statements().statement(ana.id(), OCT_1, OCT_1));
        invalid(() -> world.billing.reports().invoicedAndCollected(YearMonth.of(2026, 11), YearMonth.of(2026, 10)));
        invalid(() -> world.billing.reports().collectionRate(OCT_1, OCT_1.minusDays(1)));
        invalid(() -> BillingPolicy.builder().dueDays(-1));

        assertThat(world.store
                        .invoices()
                        .search(InvoiceQuery.all(), PageRequest.first(10))
                        .items())
                .isEqualTo(invoices);
        assertThat(world.store
                        .payments()
                        .findByExternalReference("TRF-1")
                        .orElseThrow()
                        .reversedOn())
                .isNull();
        assertThat(world.store
                        .outbox()
                        .findByStatus(NotificationStatus.PENDING, PageRequest.first(1))
                        .totalItems())
                .isEqualTo(messages);
    }
}

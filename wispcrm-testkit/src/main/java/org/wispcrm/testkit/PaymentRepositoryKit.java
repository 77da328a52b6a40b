package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.BillingFixtures.allocation;
import static org.wispcrm.testkit.BillingFixtures.invoice;
import static org.wispcrm.testkit.BillingFixtures.payment;
import static org.wispcrm.testkit.BillingFixtures.uuid;
import static org.wispcrm.testkit.Fixtures.cop;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PaymentId;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentMethod;
import org.wispcrm.core.payment.PaymentQuery;
import org.wispcrm.core.payment.PaymentStatus;

/**
 * Compatibility kit for {@link org.wispcrm.core.payment.PaymentRepository}: every field round-trips with the
 * allocations in order, the external reference is unique ({@code DUPLICATE}, as is a second insert of an id), stale
 * or missing rows are {@code CONCURRENT_MODIFICATION}, and finders filter and order by received date, then id.
 */
public abstract class PaymentRepositoryKit extends PersistenceKit {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    /** Creates the kit. */
    protected PaymentRepositoryKit() {}

    @Test
    void everyFieldRoundTripsWithAllocationsInOrder() {
        var customer = savedCustomer();
        var newer = store.invoices().save(invoice(customer, 2, NOV_1.plusMonths(1)));
        var older = store.invoices().save(invoice(customer, 1, NOV_1));
        var payment = payment(
                customer.id(),
                cop(200_000),
                "BANCOLOMBIA-7788-001",
                NOV_1.plusDays(3),
                List.of(allocation(older, 77_350), allocation(newer, 50_000)));

        var saved = store.payments().save(payment);

        var found = store.payments().findById(payment.id()).orElseThrow();
        assertThat(saved.version()).isEqualTo(1);
        assertThat(found).isEqualTo(saved);
        assertThat(found.allocations()).isEqualTo(payment.allocations());
        assertThat(found.allocations().get(0).invoiceNumber().value()).isEqualTo("FE-000001");
        assertThat(found.unallocated()).isEqualTo(cop(72_650));
        assertThat(found.method()).isEqualTo(PaymentMethod.BANK_TRANSFER);
        assertThat(found.recordedAt()).isEqualTo(Fixtures.NOW);
        assertThat(found.reversedOn()).isNull();
        assertThat(found.reversalReason()).isNull();
        assertThat(found.documentKey()).isNull();
    }

    @Test
    void reversalAndReceiptAreUpdates() {
        var customer = savedCustomer();
        var v1 = store.payments().save(payment(customer.id(), cop(50_000), "NEQUI-1", NOV_1, List.of()));

        var v2 = store.payments().save(v1.reverse(NOV_1.plusDays(2), "Transferencia rechazada por el banco"));
        var v3 = store.payments().save(v2.attachDocument(DocumentKey.of("receipts", "r1.pdf")));

        var found = store.payments().findById(v1.id()).orElseThrow();
        assertThat(found).isEqualTo(v3);
        assertThat(found.version()).isEqualTo(3);
        assertThat(found.status()).isEqualTo(PaymentStatus.REVERSED);
        assertThat(found.reversedOn()).isEqualTo(NOV_1.plusDays(2));
        assertThat(found.reversalReason()).isEqualTo("Transferencia rechazada por el banco");
        assertThat(found.documentKey()).isEqualTo(DocumentKey.of("receipts", "r1.pdf"));
    }

    @Test
    void externalReferenceIsUniqueAndStaleOrMissingRowsFail() {
        var customer = savedCustomer();
        var payment = payment(customer.id(), cop(50_000), "REF-1", NOV_1, List.of());
        var v1 = store.payments().save(payment);
        var v2 = store.payments().save(v1.reverse(NOV_1, "rebotado"));

        assertFailsWith(
                ErrorCode.DUPLICATE,
                () -> store.payments().save(payment(customer.id(), cop(60_000), "REF-1", NOV_1, List.of())));
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.payments().save(payment));
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION,
                () -> store.payments().save(v1.attachDocument(DocumentKey.of("r.pdf"))));
        var ghost = payment(customer.id(), cop(1_000), "REF-GHOST", NOV_1, List.of());
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION, () -> store.payments().save(ghost.withVersion(1)));

        assertThat(store.payments().findByExternalReference("REF-1")).contains(v2);
        assertThat(store.payments().findByExternalReference(" REF-1 ")).contains(v2);
        assertThat(store.payments().findByExternalReference("REF-GHOST")).isEmpty();
        assertThat(store.payments().findById(PaymentId.newId())).isEmpty();
    }

    @Test
    void findersFilterAndOrderByReceivedDateThenId() {
        var ana = savedCustomer();
        var beto = savedCustomer();
        var late = store.payments().save(payment(ana.id(), cop(1_000), "A-3", NOV_1.plusDays(9), List.of()));
        var earlyHigh =
                store.payments().save(withId(uuid("80000000"), payment(ana.id(), cop(2_000), "A-2", NOV_1, List.of())));
        var earlyLow =
                store.payments().save(withId(uuid("7fffffff"), payment(ana.id(), cop(3_000), "A-1", NOV_1, List.of())));
        var betoPayment = store.payments().save(payment(beto.id(), cop(4_000), "B-1", NOV_1.plusDays(30), List.of()));
        var reversed = store.payments().save(betoPayment.reverse(NOV_1.plusDays(31), "rebotado"));

        assertThat(store.payments().findByCustomer(ana.id())).containsExactly(earlyLow, earlyHigh, late);
        assertThat(store.payments().findByCustomer(CustomerId.newId())).isEmpty();
        assertThat(store.payments()
                        .search(PaymentQuery.all(), PageRequest.first(10))
                        .items())
                .containsExactly(earlyLow, earlyHigh, late, reversed);
        assertThat(store.payments()
                        .search(PaymentQuery.receivedBetween(NOV_1, NOV_1.plusDays(9)), PageRequest.first(10))
                        .items())
                .containsExactly(earlyLow, earlyHigh);
        assertThat(store.payments()
                        .search(new PaymentQuery(null, PaymentStatus.REVERSED, null, null), PageRequest.first(10))
                        .items())
                .containsExactly(reversed);
        assertThat(store.payments()
                        .search(new PaymentQuery(ana.id(), PaymentStatus.RECORDED, null, null), new PageRequest(1, 2))
                        .items())
                .containsExactly(late);
    }

    private static Payment withId(UUID id, Payment p) {
        return new Payment(
                new PaymentId(id),
                p.customerId(),
                p.amount(),
                p.method(),
                p.externalReference(),
                p.receivedOn(),
                p.allocations(),
                p.status(),
                p.reversedOn(),
                p.reversalReason(),
                p.recordedAt(),
                p.documentKey(),
                p.version());
    }
}

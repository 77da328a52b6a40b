package org.wispcrm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wispcrm.core.Persistence;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.customer.Customer;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.notification.Notification;
import org.wispcrm.core.payment.CustomerCredit;
import org.wispcrm.testkit.BillingFixtures;
import org.wispcrm.testkit.Fixtures;

/**
 * What a billing run relies on to write a chunk in batches, on every database: the bulk finders see committed rows
 * and the unit's own unflushed ones, enqueueing several messages keeps the first of each key, numbers taken in one
 * unit are written once and handed out again after a rollback, and a write that fails only at commit still costs
 * nobody else an invoice.
 */
class BatchedBillingTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void billingKeysAreFoundInBulkIncludingInvoicesSavedEarlierInTheUnit(TestDatabase database) {
        Persistence store = database.emptyStore();
        Customer ana = store.customers().save(Fixtures.customer());
        Customer luis = store.customers().save(Fixtures.customer());
        Invoice committed = store.invoices().save(BillingFixtures.invoice(ana, 1, BillingWorld.RUN_DATE));

        List<Invoice> found = store.transactions().inTransaction(() -> {
            Invoice pending = store.invoices().save(BillingFixtures.invoice(luis, 2, BillingWorld.RUN_DATE));
            var keys = new ArrayList<String>();
            for (int i = 0; i < 1500; i++) {
                keys.add("nobody-" + i + "/2026-11-05");
            }
            keys.add(committed.billingKey());
            keys.add(pending.billingKey());
            keys.add(committed.billingKey());
            return store.invoices().findByBillingKeys(keys);
        });

        assertThat(found).extracting(i -> i.requireNumber().sequence()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(found)
                .filteredOn(i -> i.id().equals(committed.id()))
                .singleElement()
                .isEqualTo(committed);
        assertThat(store.invoices().findByBillingKeys(List.of("nobody/2026-11-05")))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void creditsAreFoundInBulk(TestDatabase database) {
        Persistence store = database.emptyStore();
        Customer withCredit = store.customers().save(Fixtures.customer());
        Customer without = store.customers().save(Fixtures.customer());
        CustomerCredit credit = store.customerCredits()
                .save(CustomerCredit.none(withCredit.id(), javax.money.Monetary.getCurrency("COP"))
                        .add(Fixtures.cop(12_500)));

        assertThat(store.customerCredits().findByCustomers(List.of(withCredit.id(), without.id())))
                .containsExactly(credit);
        assertThat(store.customerCredits().findByCustomers(List.of(without.id())))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void enqueueingSeveralMessagesKeepsTheFirstOfEachKey(TestDatabase database) {
        Persistence store = database.emptyStore();
        Customer customer = store.customers().save(Fixtures.customer());
        Notification stored = Fixtures.notification(customer.id(), "invoice-issued:FE-000001");
        store.outbox().enqueue(stored);

        int added = store.transactions().inTransaction(() -> {
            store.outbox().enqueue(Fixtures.notification(customer.id(), "invoice-issued:FE-000002"));
            return store.outbox()
                    .enqueueAll(List.of(
                            Fixtures.notification(customer.id(), "invoice-issued:FE-000001"),
                            Fixtures.notification(customer.id(), "invoice-issued:FE-000002"),
                            Fixtures.notification(customer.id(), "invoice-issued:FE-000003"),
                            Fixtures.notification(customer.id(), "invoice-issued:FE-000003")));
        });

        assertThat(added).isEqualTo(1);
        assertThat(store.outbox().findByIdempotencyKey("invoice-issued:FE-000001"))
                .hasValueSatisfying(n -> assertThat(n.id()).isEqualTo(stored.id()));
        assertThat(store.outbox().findByIdempotencyKey("invoice-issued:FE-000003"))
                .isPresent();
        assertThat(store.outbox().enqueueAll(List.of())).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void numbersTakenInOneUnitAreStoredAtCommitAndGivenAgainAfterARollback(TestDatabase database) {
        Persistence store = database.emptyStore();

        List<Long> first = store.transactions()
                .inTransaction(() -> List.of(
                        store.invoiceNumbers().next("FE"),
                        store.invoiceNumbers().next("FE"),
                        store.invoiceNumbers().next("NC"),
                        store.invoiceNumbers().next("FE"),
                        store.invoiceNumbers().current("FE")));
        try {
            store.transactions().inTransaction(() -> {
                store.invoiceNumbers().next("FE");
                store.invoiceNumbers().next("FE");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the two numbers go back
        }

        assertThat(first).containsExactly(1L, 2L, 1L, 3L, 3L);
        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(3);
        assertThat(store.invoiceNumbers().current("NC")).isEqualTo(1);
        assertThat(store.invoiceNumbers().next("FE")).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCollisionFoundOnlyAtCommitIsPinnedOnTheCustomersWhoseInvoicesCollide(TestDatabase database) {
        Persistence store = database.emptyStore();
        BillingWorld.seed(store, 3);
        // an invoice imported by hand took number FE-000002 without moving the series, for a fourth customer
        Customer imported = store.customers().save(Fixtures.customer());
        store.invoices().save(BillingFixtures.invoice(imported, 2, BillingWorld.RUN_DATE));

        var report = BillingWorld.billing(store, 10).run(BillingWorld.RUN_DATE);

        // every customer after the first draws number 2 again (the failed units roll back), as before batching
        assertThat(report.invoiced()).isEqualTo(1);
        assertThat(report.failures())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.code()).isEqualTo(ErrorCode.DUPLICATE));
        assertThat(report.failures()).extracting(f -> f.customerId()).doesNotContain(imported.id());
        assertThat(BillingWorld.numbers(store)).containsExactly(1L, 2L);
        assertThat(store.invoiceNumbers().current("FE")).isEqualTo(1);
        assertThat(BillingWorld.pendingMessages(store)).isEqualTo(1);
    }
}

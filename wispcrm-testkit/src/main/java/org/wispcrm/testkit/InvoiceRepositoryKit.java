package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wispcrm.testkit.BillingFixtures.amount;
import static org.wispcrm.testkit.BillingFixtures.invoice;
import static org.wispcrm.testkit.BillingFixtures.uuid;
import static org.wispcrm.testkit.Fixtures.cop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceQuery;
import org.wispcrm.core.invoice.InvoiceStatus;

/**
 * Compatibility kit for {@link org.wispcrm.core.invoice.InvoiceRepository}: every field and line round-trips in
 * order, the billing key and the number are each unique ({@code DUPLICATE}), a second insert of an id is
 * {@code DUPLICATE}, stale or missing rows are {@code CONCURRENT_MODIFICATION}, drafts are refused, and every
 * finder filters and orders as its javadoc says (ids in {@link org.wispcrm.core.common.Ids#ORDER}), including the
 * bulk {@code findByBillingKeys} for more keys than one query binds.
 */
public abstract class InvoiceRepositoryKit extends PersistenceKit {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    /** Creates the kit. */
    protected InvoiceRepositoryKit() {}

    @Test
    void everyFieldAndLineRoundTripsInOrder() {
        var customer = savedCustomer();
        var subscription = store.subscriptions()
                .save(Fixtures.subscription(customer.id(), savedPlan().id()));
        var charge = store.charges().save(Fixtures.charge(customer.id(), NOV_1, 120_000, null));
        var invoice = BillingFixtures.fullInvoice(customer, subscription.id(), charge.id(), 7, NOV_1);

        var saved = store.invoices().save(invoice);

        assertThat(saved.version()).isEqualTo(1);
        var found = store.invoices().findById(invoice.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.lines()).isEqualTo(invoice.lines());
        assertThat(found.lines().get(0).servicePeriod())
                .isEqualTo(invoice.lines().get(0).servicePeriod());
        assertThat(found.lines().get(2).chargeId()).isEqualTo(charge.id());
        assertThat(found.lines().get(2).quantity()).isEqualByComparingTo("2");
        assertThat(found.lines().get(0).taxRate()).isEqualByComparingTo("0.19");
        assertThat(found.lines().get(3).description()).isEqualTo("Saldo a favor aplicado");
        assertThat(found.customer()).isEqualTo(invoice.customer());
        assertThat(found.customer().email()).isEqualTo(customer.profile().email());
        assertThat(found.customer().phone()).isEqualTo(customer.profile().phone());
        assertThat(found.customer().locale()).isEqualTo(Fixtures.ES_CO);
        assertThat(found.number()).isEqualTo(new InvoiceNumber("FE", 7));
        assertThat(found.total()).isEqualTo(amount("142487.33"));
        assertThat(found.subtotal()).isEqualTo(amount("147300.00"));
        assertThat(found.taxTotal()).isEqualTo(amount("5187.00"));
        assertThat(found.documentKey()).isEqualTo(DocumentKey.of("invoices", "2026", "11", "FE-000007.pdf"));
        assertThat(found.billingKey()).isEqualTo(customer.id() + "/2026-11-01");
    }

    @Test
    void updatesRecordPaymentsWithoutTouchingLinesAndIncrementTheVersion() {
        var customer = savedCustomer();
        var v1 = store.invoices().save(invoice(customer, 1, NOV_1));

        var v2 = store.invoices().save(v1.applyPayment(cop(50_000)));
        var v3 = store.invoices().save(v2.attachDocument(DocumentKey.of("invoices", "FE-000001.pdf")));

        var found = store.invoices().findById(v1.id()).orElseThrow();
        assertThat(found).isEqualTo(v3);
        assertThat(found.version()).isEqualTo(3);
        assertThat(found.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(found.amountPaid()).isEqualTo(cop(50_000));
        assertThat(found.balance()).isEqualTo(cop(27_350));
        assertThat(found.lines()).isEqualTo(v1.lines());
        assertThat(found.documentKey()).isEqualTo(DocumentKey.of("invoices", "FE-000001.pdf"));
    }

    @Test
    void staleSavesMissingRowsAndRepeatedInsertsFailAndChangeNothing() {
        var customer = savedCustomer();
        var invoice = invoice(customer, 1, NOV_1);
        var v1 = store.invoices().save(invoice);
        var v2 = store.invoices().save(v1.applyPayment(cop(10_000)));

        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION, () -> store.invoices().save(v1.applyPayment(cop(20_000))));
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.invoices().save(invoice));
        var ghost = invoice(customer, 99, DEC_1).applyPayment(cop(1));
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION, () -> store.invoices().save(ghost.withVersion(1)));

        assertThat(store.invoices().findById(invoice.id())).contains(v2);
        assertThat(store.invoices().findById(ghost.id())).isEmpty();
        assertThat(store.invoices().findByNumber(new InvoiceNumber("FE", 99))).isEmpty();
    }

    @Test
    void billingKeyIsUnique() {
        var customer = savedCustomer();
        var first = store.invoices().save(invoice(customer, 1, NOV_1));

        assertFailsWith(ErrorCode.DUPLICATE, () -> store.invoices().save(invoice(customer, 2, NOV_1)));

        assertThat(store.invoices().findByBillingKey(Invoice.billingKeyOf(customer.id(), NOV_1)))
                .contains(first);
        assertThat(store.invoices().findByNumber(new InvoiceNumber("FE", 2))).isEmpty();
        assertThat(store.invoices().findByCustomer(customer.id())).containsExactly(first);
        var other = savedCustomer();
        assertThat(store.invoices().save(invoice(other, 2, NOV_1)).version()).isEqualTo(1);
    }

    @Test
    void numberIsUnique() {
        var customer = savedCustomer();
        var first = store.invoices().save(invoice(customer, 1, NOV_1));

        assertFailsWith(ErrorCode.DUPLICATE, () -> store.invoices().save(invoice(customer, 1, DEC_1)));

        assertThat(store.invoices().findByNumber(new InvoiceNumber("FE", 1))).contains(first);
        assertThat(store.invoices().findByBillingKey(Invoice.billingKeyOf(customer.id(), DEC_1)))
                .isEmpty();
        assertThat(store.invoices().findByCustomer(customer.id())).containsExactly(first);
    }

    @Test
    void draftsAreRefused() {
        var customer = savedCustomer();
        var issued = invoice(customer, 1, NOV_1);
        var draft = Invoice.draft(
                issued.id(),
                issued.customerId(),
                issued.customer(),
                issued.period(),
                issued.issueDate(),
                issued.dueDate(),
                issued.currency(),
                issued.lines());

        assertFailsWith(ErrorCode.INVALID_INPUT, () -> store.invoices().save(draft));
        assertThat(store.invoices().findById(issued.id())).isEmpty();
    }

    @Test
    void aRolledBackUnitOfWorkLeavesNoInvoice() {
        var customer = savedCustomer();
        var invoice = invoice(customer, 1, NOV_1);

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.invoices().save(invoice);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(store.invoices().findById(invoice.id())).isEmpty();
        assertThat(store.invoices().findByBillingKey(invoice.billingKey())).isEmpty();
        assertThat(store.invoices().save(invoice).version()).isEqualTo(1);
    }

    @Test
    void lookupsOfUnknownKeysAreEmpty() {
        assertThat(store.invoices().findById(InvoiceId.newId())).isEmpty();
        assertThat(store.invoices().findByNumber(new InvoiceNumber("FE", 1))).isEmpty();
        assertThat(store.invoices().findByBillingKey("nobody/2026-11-01")).isEmpty();
        assertThat(store.invoices().findByCustomer(CustomerId.newId())).isEmpty();
        assertThat(store.invoices().findOpenByCustomer(CustomerId.newId())).isEmpty();
    }

    @Test
    void findByBillingKeysReturnsEachStoredInvoiceOnceAndLeavesOutUnknownKeys() {
        var ana = savedCustomer();
        var beto = savedCustomer();
        var anaNov = store.invoices().save(invoice(ana, 1, NOV_1));
        var anaDec = store.invoices().save(invoice(ana, 2, DEC_1));
        var anaDecPaid = store.invoices().save(anaDec.applyPayment(cop(10_000)));
        var betoNov = store.invoices().save(invoice(beto, 3, NOV_1));

        var found = store.invoices()
                .findByBillingKeys(List.of(
                        anaNov.billingKey(),
                        Invoice.billingKeyOf(ana.id(), NOV_1.minusMonths(1)),
                        anaDec.billingKey(),
                        anaNov.billingKey(),
                        "nobody/2026-11-01",
                        anaDec.billingKey()));

        // the latest stored version, lines included; Beto's invoice for the same period is not Ana's key
        assertThat(found).containsExactlyInAnyOrder(anaNov, anaDecPaid);
        assertThat(store.invoices().findByBillingKeys(List.of(betoNov.billingKey())))
                .containsExactly(betoNov);
        assertThat(store.invoices().findByBillingKeys(List.of())).isEmpty();
        assertThat(store.invoices()
                        .findByBillingKeys(Set.of("nobody/2026-11-01", Invoice.billingKeyOf(beto.id(), DEC_1))))
                .isEmpty();
    }

    @Test
    void findByBillingKeysAnswersForMoreKeysThanOneQueryBinds() {
        var customers = List.of(savedCustomer(), savedCustomer(), savedCustomer(), savedCustomer(), savedCustomer());
        var saved = store.transactions().inTransaction(() -> {
            var invoices = new ArrayList<Invoice>();
            for (int i = 0; i < 250; i++) {
                var customer = customers.get(i % customers.size());
                invoices.add(store.invoices().save(invoice(customer, i + 1, NOV_1.minusMonths(i / customers.size()))));
            }
            return invoices;
        });
        // 1,250 keys, the stored ones spread among unknown ones: more than one IN list, fetch batch or JDBC batch
        var keys = new ArrayList<String>();
        for (int i = 0; i < saved.size(); i++) {
            keys.add(saved.get(i).billingKey());
            for (int j = 0; j < 4; j++) {
                keys.add(Invoice.billingKeyOf(customers.get(j).id(), DEC_1.plusMonths(i * 4L + j)));
            }
        }

        var found = store.invoices().findByBillingKeys(keys);

        assertThat(found).hasSize(250).containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void findByBillingKeysSeesInvoicesSavedEarlierInTheSameUnit() {
        var customer = savedCustomer();
        var stored = store.invoices().save(invoice(customer, 1, NOV_1));
        var unsaved = invoice(customer, 2, DEC_1);

        var found = store.transactions().inTransaction(() -> {
            store.invoices().save(unsaved);
            return store.invoices().findByBillingKeys(List.of(stored.billingKey(), unsaved.billingKey()));
        });

        assertThat(found).containsExactlyInAnyOrder(stored, unsaved.withVersion(1));
    }

    @Test
    void findByCustomerOrdersByIssueDateThenId() {
        var customer = savedCustomer();
        var other = savedCustomer();
        var late = store.invoices().save(invoice(InvoiceId.newId(), customer, 1, DEC_1, DEC_1, DEC_1.plusDays(10)));
        var earlyHigh = store.invoices()
                .save(invoice(new InvoiceId(uuid("80000000")), customer, 2, NOV_1, NOV_1, NOV_1.plusDays(10)));
        var earlyLow = store.invoices()
                .save(invoice(
                        new InvoiceId(uuid("7fffffff")), customer, 3, NOV_1.minusMonths(1), NOV_1, NOV_1.plusDays(10)));
        store.invoices().save(invoice(other, 4, NOV_1));

        assertThat(store.invoices().findByCustomer(customer.id())).containsExactly(earlyLow, earlyHigh, late);
    }

    @Test
    void openInvoicesComeOldestDueFirstAndLeaveOutPaidAndVoid() {
        var customer = savedCustomer();
        var dueLate = store.invoices()
                .save(invoice(InvoiceId.newId(), customer, 1, NOV_1, NOV_1, LocalDate.of(2026, 11, 20)));
        var dueEarlyHigh = store.invoices()
                .save(invoice(new InvoiceId(uuid("80000000")), customer, 2, DEC_1, NOV_1, LocalDate.of(2026, 11, 10)));
        var dueEarlyLow = store.invoices()
                .save(invoice(
                        new InvoiceId(uuid("7fffffff")),
                        customer,
                        3,
                        NOV_1.minusMonths(1),
                        NOV_1,
                        LocalDate.of(2026, 11, 10)));
        var partly = store.invoices().save(dueLate.applyPayment(cop(1_000)));
        var paid = store.invoices().save(invoice(customer, 4, NOV_1.minusMonths(2)));
        store.invoices().save(paid.applyPayment(paid.total()));
        var voided = store.invoices().save(invoice(customer, 5, NOV_1.minusMonths(3)));
        store.invoices().save(voided.applyCreditNote(voided.total()));
        store.invoices().save(invoice(savedCustomer(), 6, NOV_1));

        assertThat(store.invoices().findOpenByCustomer(customer.id()))
                .containsExactly(dueEarlyLow, dueEarlyHigh, partly);
    }

    @Test
    void overdueCursorWalksOpenInvoicesDueBeforeTheDateByIdInPages() {
        var customer = savedCustomer();
        var asOf = LocalDate.of(2026, 11, 15);
        var expected = new ArrayList<Invoice>();
        String[] ids = {"00000001", "7fffffff", "80000000", "c0000000", "ffffffff"};
        for (int i = 0; i < ids.length; i++) {
            var invoice = invoice(
                    new InvoiceId(uuid(ids[i])),
                    customer,
                    i + 1,
                    NOV_1.minusMonths(i + 1),
                    NOV_1,
                    asOf.minusDays(1 + i));
            expected.add(store.invoices().save(invoice));
        }
        var partly = store.invoices().save(expected.get(1).applyPayment(cop(5_000)));
        expected.set(1, partly);
        var dueToday = store.invoices().save(invoice(customer, 10, DEC_1, NOV_1, asOf));
        var paid = store.invoices().save(invoice(customer, 11, DEC_1.plusMonths(1), NOV_1, asOf.minusDays(9)));
        store.invoices().save(paid.applyPayment(paid.total()));

        var page1 = store.invoices().findOpenDueBefore(asOf, null, 2);
        var page2 = store.invoices().findOpenDueBefore(asOf, page1.get(1).id(), 2);
        var page3 = store.invoices().findOpenDueBefore(asOf, page2.get(1).id(), 2);
        var page4 = store.invoices().findOpenDueBefore(asOf, page3.get(0).id(), 2);

        assertThat(page1).containsExactly(expected.get(0), expected.get(1));
        assertThat(page2).containsExactly(expected.get(2), expected.get(3));
        assertThat(page3).containsExactly(expected.get(4));
        assertThat(page4).isEmpty();
        assertThat(store.invoices().findOpenDueBefore(asOf.plusDays(1), null, 100))
                .contains(dueToday)
                .hasSize(6);
    }

    @Test
    void searchFiltersByCustomerStatusAndIssueDatesAndPages() {
        var ana = savedCustomer();
        var beto = savedCustomer();
        var anaNov = store.invoices().save(invoice(InvoiceId.newId(), ana, 1, NOV_1, NOV_1, NOV_1.plusDays(10)));
        var anaDec = store.invoices().save(invoice(InvoiceId.newId(), ana, 2, DEC_1, DEC_1, DEC_1.plusDays(10)));
        var betoNov = store.invoices()
                .save(invoice(InvoiceId.newId(), beto, 3, NOV_1, NOV_1.plusDays(1), NOV_1.plusDays(11)));
        var betoPaid = store.invoices().save(betoNov.applyPayment(betoNov.total()));

        assertThat(store.invoices()
                        .search(InvoiceQuery.all(), PageRequest.first(10))
                        .items())
                .containsExactly(anaNov, betoPaid, anaDec);
        assertThat(store.invoices()
                        .search(new InvoiceQuery(ana.id(), null, null, null), PageRequest.first(10))
                        .items())
                .containsExactly(anaNov, anaDec);
        assertThat(store.invoices()
                        .search(new InvoiceQuery(null, InvoiceStatus.PAID, null, null), PageRequest.first(10))
                        .items())
                .containsExactly(betoPaid);
        assertThat(store.invoices()
                        .search(InvoiceQuery.issuedBetween(NOV_1, DEC_1), PageRequest.first(10))
                        .items())
                .containsExactly(anaNov, betoPaid);
        var page = store.invoices().search(InvoiceQuery.all(), new PageRequest(1, 2));
        assertThat(page.items()).containsExactly(anaDec);
        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void documentCursorWalksInvoicesWithoutADocumentIssuedSinceTheDateByIdInPages() {
        var customer = savedCustomer();
        var expected = new ArrayList<Invoice>();
        String[] ids = {"00000002", "7ffffff0", "80000001", "fffffff0"};
        for (int i = 0; i < ids.length; i++) {
            expected.add(store.invoices()
                    .save(invoice(new InvoiceId(uuid(ids[i])), customer, i + 1, NOV_1.minusMonths(i), NOV_1, DEC_1)));
        }
        var documented = store.invoices().save(invoice(customer, 20, DEC_1, NOV_1.plusDays(3), DEC_1));
        store.invoices().save(documented.attachDocument(DocumentKey.of("invoices", "2026", "11", "FE-20.pdf")));
        store.invoices().save(invoice(customer, 21, DEC_1.plusMonths(1), NOV_1.minusDays(1), DEC_1));

        var page1 = store.invoices().findWithoutDocument(NOV_1, null, 3);
        var page2 = store.invoices().findWithoutDocument(NOV_1, page1.get(2).id(), 3);

        assertThat(page1).containsExactly(expected.get(0), expected.get(1), expected.get(2));
        assertThat(page2)
                .as("issued before the date, or documented, are left out")
                .containsExactly(expected.get(3));
        assertThat(store.invoices().findWithoutDocument(NOV_1, page2.get(0).id(), 3))
                .isEmpty();
        assertThatThrownBy(() -> store.invoices().findWithoutDocument(NOV_1, null, 0))
                .isInstanceOfSatisfying(org.wispcrm.core.common.WispCrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("limit");
                });
    }

    @Test
    void attachDocumentsRecordsOnlyMissingKeysInOneGoAndCountsEachAsASave() {
        var customer = savedCustomer();
        var bare = new ArrayList<Invoice>();
        for (int i = 0; i < 120; i++) {
            bare.add(store.invoices().save(invoice(customer, i + 1, NOV_1.minusMonths(i))));
        }
        DocumentKey old = DocumentKey.of("invoices", "2026", "10", "FE-500.pdf");
        var documented = store.invoices()
                .save(store.invoices().save(invoice(customer, 500, DEC_1)).attachDocument(old));
        var keys = new java.util.LinkedHashMap<InvoiceId, DocumentKey>();
        for (Invoice invoice : bare) {
            keys.put(invoice.id(), key(invoice));
        }
        keys.put(documented.id(), DocumentKey.of("invoices", "2026", "12", "FE-500.pdf"));
        keys.put(InvoiceId.newId(), DocumentKey.of("invoices", "2026", "12", "nobody.pdf"));

        int recorded = store.transactions().inTransaction(() -> store.invoices().attachDocuments(keys));

        assertThat(recorded).isEqualTo(120);
        for (Invoice invoice : bare) {
            Invoice stored = store.invoices().findById(invoice.id()).orElseThrow();
            assertThat(stored.documentKey()).isEqualTo(key(invoice));
            assertThat(stored.version()).isEqualTo(invoice.version() + 1);
        }
        assertThat(store.invoices().findById(documented.id()).orElseThrow())
                .as("a recorded document is never replaced")
                .isEqualTo(documented);
        // the version moved, so a save from before is stale
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION,
                () -> store.invoices().save(bare.get(0).applyPayment(cop(1_000))));
        assertThat(store.invoices().attachDocuments(java.util.Map.of())).isZero();
    }

    private static DocumentKey key(Invoice invoice) {
        return DocumentKey.of("invoices", "2026", "11", invoice.requireNumber().value() + ".pdf");
    }
}

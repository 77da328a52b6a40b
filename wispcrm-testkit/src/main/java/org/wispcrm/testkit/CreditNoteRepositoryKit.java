package org.wispcrm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wispcrm.testkit.BillingFixtures.creditNote;
import static org.wispcrm.testkit.BillingFixtures.invoice;
import static org.wispcrm.testkit.BillingFixtures.uuid;
import static org.wispcrm.testkit.Fixtures.cop;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.InvoiceNumber;

/**
 * Compatibility kit for {@link org.wispcrm.core.invoice.CreditNoteRepository}: every field round-trips, the number
 * is unique ({@code DUPLICATE}, as is a second insert of an id), stale or missing rows are
 * {@code CONCURRENT_MODIFICATION}, and the finders filter and order by issue date, then id.
 */
public abstract class CreditNoteRepositoryKit extends PersistenceKit {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    /** Creates the kit. */
    protected CreditNoteRepositoryKit() {}

    @Test
    void everyFieldRoundTripsAndTheDocumentKeyIsAnUpdate() {
        var customer = savedCustomer();
        var invoice = store.invoices().save(invoice(customer, 1, NOV_1));
        var note = creditNote(invoice, 4, NOV_1.plusDays(3), 10_000);

        var v1 = store.creditNotes().save(note);
        var v2 = store.creditNotes().save(v1.attachDocument(DocumentKey.of("credit-notes", "NC-000004.pdf")));

        var found = store.creditNotes().findById(note.id()).orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(found).isEqualTo(v2);
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.number().value()).isEqualTo("NC-000004");
        assertThat(found.invoiceNumber().value()).isEqualTo("FE-000001");
        assertThat(found.invoiceId()).isEqualTo(invoice.id());
        assertThat(found.customer()).isEqualTo(invoice.customer());
        assertThat(found.total()).isEqualTo(cop(10_000));
        assertThat(found.lines()).isEqualTo(note.lines());
        assertThat(found.reason()).isEqualTo("Cinco días sin servicio por daño en la torre");
        assertThat(found.voidsInvoice()).isFalse();
        assertThat(found.documentKey()).isEqualTo(DocumentKey.of("credit-notes", "NC-000004.pdf"));
    }

    @Test
    void numberIsUniqueAndStaleOrMissingRowsFail() {
        var customer = savedCustomer();
        var invoice = store.invoices().save(invoice(customer, 1, NOV_1));
        var note = creditNote(invoice, 1, NOV_1, 5_000);
        var v1 = store.creditNotes().save(note);
        var v2 = store.creditNotes().save(v1.attachDocument(DocumentKey.of("nc", "1.pdf")));

        assertFailsWith(ErrorCode.DUPLICATE, () -> store.creditNotes().save(creditNote(invoice, 1, NOV_1, 6_000)));
        assertFailsWith(ErrorCode.DUPLICATE, () -> store.creditNotes().save(note));
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION,
                () -> store.creditNotes().save(v1.attachDocument(DocumentKey.of("nc", "1.pdf"))));
        var ghost = creditNote(invoice, 9, NOV_1, 1_000);
        assertFailsWith(
                ErrorCode.CONCURRENT_MODIFICATION, () -> store.creditNotes().save(ghost.withVersion(3)));

        assertThat(store.creditNotes().findById(note.id())).contains(v2);
        assertThat(store.creditNotes().findByNumber(new InvoiceNumber("NC", 1))).contains(v2);
        assertThat(store.creditNotes().findByNumber(new InvoiceNumber("NC", 9))).isEmpty();
        assertThat(store.creditNotes().findById(CreditNoteId.newId())).isEmpty();
    }

    @Test
    void findersFilterAndOrderByIssueDateThenId() {
        var ana = savedCustomer();
        var beto = savedCustomer();
        var anaNov = store.invoices().save(invoice(ana, 1, NOV_1));
        var anaDec = store.invoices().save(invoice(ana, 2, NOV_1.plusMonths(1)));
        var betoNov = store.invoices().save(invoice(beto, 3, NOV_1));
        var late = store.creditNotes().save(creditNote(anaNov, 1, LocalDate.of(2026, 11, 20), 1_000));
        var earlyHigh = store.creditNotes()
                .save(withId(uuid("80000000"), creditNote(anaNov, 2, LocalDate.of(2026, 11, 5), 2_000)));
        var earlyLow = store.creditNotes()
                .save(withId(uuid("7fffffff"), creditNote(anaDec, 3, LocalDate.of(2026, 11, 5), 3_000)));
        var betoNote = store.creditNotes().save(creditNote(betoNov, 4, LocalDate.of(2026, 12, 1), 4_000));

        assertThat(store.creditNotes().findByInvoice(anaNov.id())).containsExactly(earlyHigh, late);
        assertThat(store.creditNotes().findByCustomer(ana.id())).containsExactly(earlyLow, earlyHigh, late);
        assertThat(store.creditNotes().findIssuedBetween(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 12, 1)))
                .containsExactly(earlyLow, earlyHigh, late);
        assertThat(store.creditNotes().findIssuedBetween(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 12, 2)))
                .containsExactly(late, betoNote);
        assertThat(store.creditNotes().findByInvoice(InvoiceId.newId())).isEmpty();
        assertThat(store.creditNotes().findByCustomer(CustomerId.newId())).isEmpty();
    }

    private static CreditNote withId(java.util.UUID id, CreditNote n) {
        return new CreditNote(
                new CreditNoteId(id),
                n.number(),
                n.invoiceId(),
                n.invoiceNumber(),
                n.customerId(),
                n.customer(),
                n.issueDate(),
                n.currency(),
                n.lines(),
                n.netAmount(),
                n.taxAmount(),
                n.total(),
                n.reason(),
                n.voidsInvoice(),
                n.documentKey(),
                n.version());
    }
}

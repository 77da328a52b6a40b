package org.wispcrm.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CreditNoteId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.CreditNote;
import org.wispcrm.core.invoice.InvoiceNumber;

@Entity
@Table(name = "credit_notes")
class CreditNoteEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    String series = "";

    @Column(name = "sequence_number")
    long sequenceNumber;

    @Column(name = "invoice_id")
    UUID invoiceId = new UUID(0, 0);

    @Column(name = "invoice_series")
    String invoiceSeries = "";

    @Column(name = "invoice_sequence")
    long invoiceSequence;

    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    @Embedded
    SnapshotColumns customer = new SnapshotColumns();

    @Column(name = "issue_date")
    LocalDate issueDate = LocalDate.EPOCH;

    String currency = "";

    @ElementCollection
    @CollectionTable(name = "credit_note_lines", joinColumns = @JoinColumn(name = "credit_note_id"))
    @OrderColumn(name = "position")
    List<LineColumns> lines = new ArrayList<>();

    @Column(name = "net_amount")
    BigDecimal netAmount = BigDecimal.ZERO;

    @Column(name = "tax_amount")
    BigDecimal taxAmount = BigDecimal.ZERO;

    BigDecimal total = BigDecimal.ZERO;

    String reason = "";

    @Column(name = "voids_invoice")
    boolean voidsInvoice;

    @Column(name = "document_key")
    @Nullable
    String documentKey;

    CreditNoteEntity() {}

    static CreditNoteEntity of(CreditNote note) {
        var row = new CreditNoteEntity();
        row.id = note.id().value();
        row.series = note.number().series();
        row.sequenceNumber = note.number().sequence();
        row.invoiceId = note.invoiceId().value();
        row.invoiceSeries = note.invoiceNumber().series();
        row.invoiceSequence = note.invoiceNumber().sequence();
        row.customerId = note.customerId().value();
        row.customer = SnapshotColumns.of(note.customer());
        row.issueDate = note.issueDate();
        row.currency = note.currency().getCurrencyCode();
        row.lines = new ArrayList<>(note.lines().stream().map(LineColumns::of).toList());
        row.netAmount = Columns.amount(note.netAmount());
        row.taxAmount = Columns.amount(note.taxAmount());
        row.total = Columns.amount(note.total());
        row.reason = note.reason();
        row.voidsInvoice = note.voidsInvoice();
        row.copyState(note);
        return row;
    }

    /** Only the document key of an issued note changes. */
    void copyState(CreditNote note) {
        documentKey = note.documentKey() == null ? null : note.documentKey().value();
    }

    CreditNote toDomain() {
        CurrencyUnit unit = Columns.currencyUnit(currency);
        return new CreditNote(
                new CreditNoteId(id),
                new InvoiceNumber(series, sequenceNumber),
                new InvoiceId(invoiceId),
                new InvoiceNumber(invoiceSeries, invoiceSequence),
                new CustomerId(customerId),
                customer.toDomain(),
                issueDate,
                unit,
                lines.stream().map(l -> l.toDomain(unit)).toList(),
                Columns.money(netAmount, unit),
                Columns.money(taxAmount, unit),
                Columns.money(total, unit),
                reason,
                voidsInvoice,
                documentKey == null ? null : new DocumentKey(documentKey),
                domainVersion());
    }
}

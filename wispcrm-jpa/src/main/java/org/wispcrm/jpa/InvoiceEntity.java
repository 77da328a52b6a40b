package org.wispcrm.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.BillingPeriod;
import org.wispcrm.core.invoice.Invoice;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.invoice.InvoiceStatus;

@Entity
@Table(name = "invoices")
class InvoiceEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    @Nullable
    String series;

    @Column(name = "sequence_number")
    @Nullable
    Long sequenceNumber;

    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    @Embedded
    SnapshotColumns customer = new SnapshotColumns();

    @Column(name = "period_start")
    LocalDate periodStart = LocalDate.EPOCH;

    @Column(name = "period_end")
    LocalDate periodEnd = LocalDate.EPOCH;

    @org.hibernate.annotations.NaturalId
    @Column(name = "billing_key")
    String billingKey = "";

    @Column(name = "issue_date")
    LocalDate issueDate = LocalDate.EPOCH;

    @Column(name = "due_date")
    LocalDate dueDate = LocalDate.EPOCH;

    String currency = "";

    @ElementCollection
    @CollectionTable(name = "invoice_lines", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderColumn(name = "position")
    List<LineColumns> lines = new ArrayList<>();

    BigDecimal subtotal = BigDecimal.ZERO;

    @Column(name = "tax_total")
    BigDecimal taxTotal = BigDecimal.ZERO;

    BigDecimal total = BigDecimal.ZERO;

    @Column(name = "amount_paid")
    BigDecimal amountPaid = BigDecimal.ZERO;

    @Column(name = "amount_credited")
    BigDecimal amountCredited = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    InvoiceStatus status = InvoiceStatus.ISSUED;

    @Column(name = "document_key")
    @Nullable
    String documentKey;

    InvoiceEntity() {}

    static InvoiceEntity of(Invoice invoice) {
        var row = new InvoiceEntity();
        row.id = invoice.id().value();
        row.customerId = invoice.customerId().value();
        row.customer = SnapshotColumns.of(invoice.customer());
        row.periodStart = invoice.period().start();
        row.periodEnd = invoice.period().end();
        row.billingKey = invoice.billingKey();
        row.issueDate = invoice.issueDate();
        row.dueDate = invoice.dueDate();
        row.currency = invoice.currency().getCurrencyCode();
        row.lines =
                new ArrayList<>(invoice.lines().stream().map(LineColumns::of).toList());
        row.subtotal = Columns.amount(invoice.subtotal());
        row.taxTotal = Columns.amount(invoice.taxTotal());
        row.total = Columns.amount(invoice.total());
        row.copyState(invoice);
        return row;
    }

    /**
     * Copies what may change once issued: number, payments, credits, status, document. Lines, amounts and the
     * customer snapshot of an issued invoice never change, so an update does not rewrite them.
     */
    void copyState(Invoice invoice) {
        series = invoice.number() == null ? null : invoice.number().series();
        sequenceNumber = invoice.number() == null ? null : invoice.number().sequence();
        amountPaid = Columns.amount(invoice.amountPaid());
        amountCredited = Columns.amount(invoice.amountCredited());
        status = invoice.status();
        documentKey =
                invoice.documentKey() == null ? null : invoice.documentKey().value();
    }

    Invoice toDomain() {
        CurrencyUnit unit = Columns.currencyUnit(currency);
        return new Invoice(
                new InvoiceId(id),
                series == null || sequenceNumber == null ? null : new InvoiceNumber(series, sequenceNumber),
                new CustomerId(customerId),
                customer.toDomain(),
                new BillingPeriod(periodStart, periodEnd),
                billingKey,
                issueDate,
                dueDate,
                unit,
                lines.stream().map(l -> l.toDomain(unit)).toList(),
                Columns.money(subtotal, unit),
                Columns.money(taxTotal, unit),
                Columns.money(total, unit),
                Columns.money(amountPaid, unit),
                Columns.money(amountCredited, unit),
                status,
                documentKey == null ? null : new DocumentKey(documentKey),
                domainVersion());
    }
}

package org.wispcrm.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.InvoiceId;
import org.wispcrm.core.common.PaymentId;
import org.wispcrm.core.document.DocumentKey;
import org.wispcrm.core.invoice.InvoiceNumber;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentAllocation;
import org.wispcrm.core.payment.PaymentMethod;
import org.wispcrm.core.payment.PaymentStatus;

@Entity
@Table(name = "payments")
class PaymentEntity extends VersionedEntity {
    @Id
    UUID id = new UUID(0, 0);

    @Column(name = "customer_id")
    UUID customerId = new UUID(0, 0);

    BigDecimal amount = BigDecimal.ZERO;

    String currency = "";

    @Enumerated(EnumType.STRING)
    PaymentMethod method = PaymentMethod.OTHER;

    @Column(name = "external_reference")
    String externalReference = "";

    @Column(name = "received_on")
    LocalDate receivedOn = LocalDate.EPOCH;

    @ElementCollection
    @CollectionTable(name = "payment_allocations", joinColumns = @JoinColumn(name = "payment_id"))
    @OrderColumn(name = "position")
    List<AllocationColumns> allocations = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    PaymentStatus status = PaymentStatus.RECORDED;

    @Column(name = "reversed_on")
    @Nullable
    LocalDate reversedOn;

    @Column(name = "reversal_reason")
    @Nullable
    String reversalReason;

    @Column(name = "recorded_at")
    Instant recordedAt = Instant.EPOCH;

    @Column(name = "document_key")
    @Nullable
    String documentKey;

    @Embeddable
    static class AllocationColumns {
        @Column(name = "invoice_id")
        UUID invoiceId = new UUID(0, 0);

        @Column(name = "invoice_series")
        String invoiceSeries = "";

        @Column(name = "invoice_sequence")
        long invoiceSequence;

        BigDecimal amount = BigDecimal.ZERO;

        AllocationColumns() {}

        AllocationColumns(PaymentAllocation allocation) {
            invoiceId = allocation.invoiceId().value();
            invoiceSeries = allocation.invoiceNumber().series();
            invoiceSequence = allocation.invoiceNumber().sequence();
            amount = Columns.amount(allocation.amount());
        }

        boolean sameAs(PaymentAllocation allocation) {
            return invoiceId.equals(allocation.invoiceId().value())
                    && invoiceSeries.equals(allocation.invoiceNumber().series())
                    && invoiceSequence == allocation.invoiceNumber().sequence()
                    && amount.compareTo(Columns.amount(allocation.amount())) == 0;
        }
    }

    PaymentEntity() {}

    static PaymentEntity of(Payment payment) {
        var row = new PaymentEntity();
        row.id = payment.id().value();
        row.copy(payment);
        return row;
    }

    void copy(Payment p) {
        customerId = p.customerId().value();
        amount = Columns.amount(p.amount());
        currency = Columns.currency(p.amount());
        method = p.method();
        externalReference = p.externalReference();
        receivedOn = p.receivedOn();
        int keep = 0;
        while (keep < allocations.size()
                && keep < p.allocations().size()
                && allocations.get(keep).sameAs(p.allocations().get(keep))) {
            keep++;
        }
        while (allocations.size() > keep) {
            allocations.remove(allocations.size() - 1);
        }
        for (int i = keep; i < p.allocations().size(); i++) {
            allocations.add(new AllocationColumns(p.allocations().get(i)));
        }
        status = p.status();
        reversedOn = p.reversedOn();
        reversalReason = p.reversalReason();
        recordedAt = p.recordedAt();
        documentKey = p.documentKey() == null ? null : p.documentKey().value();
    }

    Payment toDomain() {
        return new Payment(
                new PaymentId(id),
                new CustomerId(customerId),
                Columns.money(amount, currency),
                method,
                externalReference,
                receivedOn,
                allocations.stream()
                        .map(a -> new PaymentAllocation(
                                new InvoiceId(a.invoiceId),
                                new InvoiceNumber(a.invoiceSeries, a.invoiceSequence),
                                Columns.money(a.amount, currency)))
                        .toList(),
                status,
                reversedOn,
                reversalReason,
                recordedAt,
                documentKey == null ? null : new DocumentKey(documentKey),
                domainVersion());
    }
}

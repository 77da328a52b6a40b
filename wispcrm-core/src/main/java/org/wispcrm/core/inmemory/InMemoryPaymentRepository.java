package org.wispcrm.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PaymentId;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentQuery;
import org.wispcrm.core.payment.PaymentRepository;

/** Payments in memory, unique by external reference. */
final class InMemoryPaymentRepository implements PaymentRepository {
    private static final Comparator<Payment> BY_RECEIVED_THEN_ID =
            Comparator.comparing(Payment::receivedOn).thenComparing(p -> p.id().value(), Ids.ORDER);

    private final Table<PaymentId, Payment> table;

    InMemoryPaymentRepository(InMemoryTransactionRunner tx) {
        this.table = new Table<>(
                tx,
                "Payment",
                Payment::id,
                Payment::version,
                Payment::withVersion,
                "externalReference",
                Payment::externalReference);
    }

    @Override
    public Payment save(Payment payment) {
        return table.save(payment);
    }

    @Override
    public Optional<Payment> findById(PaymentId id) {
        return table.get(id);
    }

    @Override
    public Optional<Payment> findByExternalReference(String externalReference) {
        return table.getByUniqueKey(externalReference.strip());
    }

    @Override
    public List<Payment> findByCustomer(CustomerId customerId) {
        return table.select(p -> p.customerId().equals(customerId), BY_RECEIVED_THEN_ID);
    }

    @Override
    public Page<Payment> search(PaymentQuery query, PageRequest page) {
        return Page.of(table.select(query::matches, BY_RECEIVED_THEN_ID), page);
    }
}

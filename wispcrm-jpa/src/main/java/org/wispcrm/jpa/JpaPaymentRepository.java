package org.wispcrm.jpa;

import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PaymentId;
import org.wispcrm.core.payment.Payment;
import org.wispcrm.core.payment.PaymentQuery;
import org.wispcrm.core.payment.PaymentRepository;

/** Payments in {@code payments}, their allocations in {@code payment_allocations}; unique external reference. */
final class JpaPaymentRepository implements PaymentRepository {
    private final JpaTransactionRunner tx;

    JpaPaymentRepository(JpaTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public Payment save(Payment p) {
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    PaymentEntity.class,
                    p.id().value(),
                    p.version(),
                    "Payment",
                    () -> PaymentEntity.of(p),
                    row -> row.copy(p),
                    true);
            return p.withVersion(version);
        });
    }

    @Override
    public Optional<Payment> findById(PaymentId id) {
        return tx.call(em ->
                Optional.ofNullable(em.find(PaymentEntity.class, id.value())).map(PaymentEntity::toDomain));
    }

    @Override
    public Optional<Payment> findByExternalReference(String externalReference) {
        return tx.call(em -> em.createQuery(
                        "select e from PaymentEntity e where e.externalReference = :ref", PaymentEntity.class)
                .setParameter("ref", externalReference.strip())
                .getResultStream()
                .findFirst()
                .map(PaymentEntity::toDomain));
    }

    @Override
    public List<Payment> findByCustomer(CustomerId customerId) {
        return tx.call(em -> em
                .createQuery(
                        "select e from PaymentEntity e where e.customerId = :id order by e.receivedOn, e.id",
                        PaymentEntity.class)
                .setParameter("id", customerId.value())
                .getResultList()
                .stream()
                .map(PaymentEntity::toDomain)
                .toList());
    }

    @Override
    public Page<Payment> search(PaymentQuery query, PageRequest page) {
        return tx.call(em -> Queries.from("PaymentEntity")
                .where(
                        "e.customerId = :customerId",
                        "customerId",
                        query.customerId() == null ? null : query.customerId().value())
                .where("e.status = :status", "status", query.status())
                .where("e.receivedOn >= :from", "from", query.receivedFrom())
                .where("e.receivedOn < :before", "before", query.receivedBefore())
                .page(em, PaymentEntity.class, "e.receivedOn, e.id", page, PaymentEntity::toDomain));
    }
}

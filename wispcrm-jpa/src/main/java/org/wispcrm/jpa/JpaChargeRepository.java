package org.wispcrm.jpa;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.wispcrm.core.charge.Charge;
import org.wispcrm.core.charge.ChargeRepository;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;

/** One-time charges in {@code charges}. */
final class JpaChargeRepository implements ChargeRepository {
    private final JpaTransactionRunner tx;

    JpaChargeRepository(JpaTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public Charge save(Charge c) {
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    ChargeEntity.class,
                    c.id().value(),
                    c.version(),
                    "Charge",
                    () -> ChargeEntity.of(c),
                    row -> row.copy(c));
            return c.withVersion(version);
        });
    }

    @Override
    public Optional<Charge> findById(ChargeId id) {
        return tx.call(em ->
                Optional.ofNullable(em.find(ChargeEntity.class, id.value())).map(ChargeEntity::toDomain));
    }

    @Override
    public Optional<Charge> findBySourceReference(String sourceReference) {
        return tx.call(
                em -> em.createQuery("select e from ChargeEntity e where e.sourceReference = :ref", ChargeEntity.class)
                        .setParameter("ref", sourceReference)
                        .getResultStream()
                        .findFirst()
                        .map(ChargeEntity::toDomain));
    }

    @Override
    public List<Charge> findPending(Collection<CustomerId> customerIds, LocalDate asOf) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        var ids = customerIds.stream().map(CustomerId::value).distinct().toList();
        List<Charge> found = tx.call(em -> tx
                .lookUpByIndex(
                        em,
                        () -> em.createQuery(
                                        "select e from ChargeEntity e where e.customerId in :ids and e.billedOn is null"
                                                + " and e.chargeDate <= :asOf order by e.customerId, e.chargeDate, e.id",
                                        ChargeEntity.class)
                                .setParameter("ids", ids)
                                .setParameter("asOf", asOf)
                                .setHint(HibernateHints.HINT_READ_ONLY, true)
                                .getResultList())
                .stream()
                .map(ChargeEntity::toDomain)
                .toList());
        return found.stream()
                .sorted(Comparator.comparing((Charge c) -> c.customerId().value(), Ids.ORDER)
                        .thenComparing(Charge::chargeDate)
                        .thenComparing(c -> c.id().value(), Ids.ORDER))
                .toList();
    }

    @Override
    public List<Charge> findByCustomer(CustomerId customerId) {
        return tx.call(em -> em
                .createQuery(
                        "select e from ChargeEntity e where e.customerId = :id order by e.chargeDate, e.id",
                        ChargeEntity.class)
                .setParameter("id", customerId.value())
                .getResultList()
                .stream()
                .map(ChargeEntity::toDomain)
                .toList());
    }
}

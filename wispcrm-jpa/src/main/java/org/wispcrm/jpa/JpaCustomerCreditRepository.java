package org.wispcrm.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.payment.CreditMovement;
import org.wispcrm.core.payment.CustomerCredit;
import org.wispcrm.core.payment.CustomerCreditRepository;

/** Credit balances in {@code customer_credits} (one row per customer) and the ledger in {@code credit_movements}. */
final class JpaCustomerCreditRepository implements CustomerCreditRepository {
    private final JpaTransactionRunner tx;

    JpaCustomerCreditRepository(JpaTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public CustomerCredit save(CustomerCredit credit) {
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    CustomerCreditEntity.class,
                    credit.customerId().value(),
                    credit.version(),
                    "CustomerCredit",
                    () -> CustomerCreditEntity.of(credit),
                    row -> row.copy(credit));
            return credit.withVersion(version);
        });
    }

    @Override
    public Optional<CustomerCredit> findByCustomer(CustomerId customerId) {
        return tx.call(em -> Optional.ofNullable(em.find(CustomerCreditEntity.class, customerId.value()))
                .map(CustomerCreditEntity::toDomain));
    }

    @Override
    public List<CustomerCredit> findByCustomers(Collection<CustomerId> customerIds) {
        var ids = customerIds.stream().map(CustomerId::value).distinct().toList();
        var found = new ArrayList<CustomerCredit>();
        for (int from = 0; from < ids.size(); from += Queries.MAX_IN) {
            var part = ids.subList(from, Math.min(ids.size(), from + Queries.MAX_IN));
            found.addAll(tx.call(em -> tx
                    .lookUpByIndex(
                            em,
                            () -> em.createQuery(
                                            "select e from CustomerCreditEntity e where e.customerId in :ids",
                                            CustomerCreditEntity.class)
                                    .setParameter("ids", part)
                                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                                    .getResultList())
                    .stream()
                    .map(CustomerCreditEntity::toDomain)
                    .toList()));
        }
        return found;
    }

    @Override
    public void addMovement(CreditMovement movement) {
        tx.call(em -> {
            em.persist(CreditMovementEntity.of(movement));
            return null;
        });
    }

    @Override
    public List<CreditMovement> findMovements(CustomerId customerId) {
        return tx.call(em -> em
                .createQuery(
                        "select e from CreditMovementEntity e where e.customerId = :id"
                                + " order by e.date, e.createdAt, e.id",
                        CreditMovementEntity.class)
                .setParameter("id", customerId.value())
                .getResultList()
                .stream()
                .map(CreditMovementEntity::toDomain)
                .toList());
    }
}

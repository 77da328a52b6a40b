package org.wispcrm.jpa;

import java.util.List;
import java.util.Optional;
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
            return new CustomerCredit(credit.customerId(), credit.balance(), version);
        });
    }

    @Override
    public Optional<CustomerCredit> findByCustomer(CustomerId customerId) {
        return tx.call(em -> Optional.ofNullable(em.find(CustomerCreditEntity.class, customerId.value()))
                .map(CustomerCreditEntity::toDomain));
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

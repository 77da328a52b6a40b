package org.wispcrm.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CreditMovementId;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.payment.CreditMovement;
import org.wispcrm.core.payment.CustomerCredit;
import org.wispcrm.core.payment.CustomerCreditRepository;

/** Credit balances (one row per customer) and their append-only ledger in memory. */
final class InMemoryCustomerCreditRepository implements CustomerCreditRepository {
    private static final Comparator<CreditMovement> BY_DATE_CREATED_ID = Comparator.comparing(CreditMovement::date)
            .thenComparing(CreditMovement::createdAt)
            .thenComparing(m -> m.id().value(), Ids.ORDER);

    private final Table<CustomerId, CustomerCredit> balances;
    private final Table<CreditMovementId, CreditMovement> movements;

    InMemoryCustomerCreditRepository(InMemoryTransactionRunner tx) {
        this.balances = new Table<>(
                tx, "CustomerCredit", CustomerCredit::customerId, CustomerCredit::version, CustomerCredit::withVersion);
        this.movements = new Table<>(tx, "CreditMovement", CreditMovement::id, m -> 0L, (m, v) -> m);
    }

    @Override
    public CustomerCredit save(CustomerCredit credit) {
        return balances.save(credit);
    }

    @Override
    public Optional<CustomerCredit> findByCustomer(CustomerId customerId) {
        return balances.get(customerId);
    }

    @Override
    public void addMovement(CreditMovement movement) {
        movements.insert(movement);
    }

    @Override
    public List<CreditMovement> findMovements(CustomerId customerId) {
        return movements.select(m -> m.customerId().equals(customerId), BY_DATE_CREATED_ID);
    }
}

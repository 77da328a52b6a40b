package org.wispcrm.core.payment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CustomerId;

/**
 * Persistence port for customers' credit balances and their ledger. The balance follows the optimistic-lock
 * contract of {@code CustomerRepository} (one row per customer: a second insert fails with {@code DUPLICATE});
 * movements are append-only.
 */
public interface CustomerCreditRepository {

    /** Inserts (version 0) or updates a customer's balance. */
    CustomerCredit save(CustomerCredit credit);

    /** The customer's balance, if it ever had credit. */
    Optional<CustomerCredit> findByCustomer(CustomerId customerId);

    /**
     * The credit balances of these customers, in no particular order and each once, however often its customer is
     * given; customers without a balance are left out (no customers, no balances). Balances saved earlier in the
     * caller's unit of work are found. The default asks {@link #findByCustomer} per customer; adapters over a
     * database answer with one query per batch of customers.
     */
    default List<CustomerCredit> findByCustomers(Collection<CustomerId> customerIds) {
        var found = new ArrayList<CustomerCredit>();
        for (CustomerId id : new LinkedHashSet<>(customerIds)) {
            findByCustomer(id).ifPresent(found::add);
        }
        return found;
    }

    /** Appends a movement; a second movement with the same id fails with {@code DUPLICATE}. */
    void addMovement(CreditMovement movement);

    /** A customer's movements, by date, then creation time, then id. */
    List<CreditMovement> findMovements(CustomerId customerId);
}

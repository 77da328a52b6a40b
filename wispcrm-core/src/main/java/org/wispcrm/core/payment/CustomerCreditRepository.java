package org.wispcrm.core.payment;

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

    /** Appends a movement; a second movement with the same id fails with {@code DUPLICATE}. */
    void addMovement(CreditMovement movement);

    /** A customer's movements, by date, then creation time, then id. */
    List<CreditMovement> findMovements(CustomerId customerId);
}

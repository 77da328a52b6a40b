package org.wispcrm.core.charge;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.ChargeId;
import org.wispcrm.core.common.CustomerId;

/** Persistence port for one-time charges; saving follows the optimistic-lock contract of {@code CustomerRepository}. */
public interface ChargeRepository {

    /** Inserts or updates; fails with {@code DUPLICATE} if another charge has the same source reference. */
    Charge save(Charge charge);

    /** The charge with this id. */
    Optional<Charge> findById(ChargeId id);

    /** The charge caused by this source, if it was already made. */
    Optional<Charge> findBySourceReference(String sourceReference);

    /** Unbilled charges of these customers dated on or before {@code asOf}, by customer, then date, then id. */
    List<Charge> findPending(Collection<CustomerId> customerIds, LocalDate asOf);

    /** All of a customer's charges, billed or not, by date, then id. */
    List<Charge> findByCustomer(CustomerId customerId);
}

package org.wispcrm.core.payment;

import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.PaymentId;

/** Persistence port for payments; saving follows the optimistic-lock contract of {@code CustomerRepository}. */
public interface PaymentRepository {

    /**
     * Inserts (version 0) or updates.
     *
     * @throws org.wispcrm.core.common.WispCrmException {@code DUPLICATE} if another payment has the same external
     *     reference or the same id on insert; {@code CONCURRENT_MODIFICATION} if the stored version differs
     */
    Payment save(Payment payment);

    /** The payment with this id. */
    Optional<Payment> findById(PaymentId id);

    /** The payment with this external reference (compared exactly, after trimming). */
    Optional<Payment> findByExternalReference(String externalReference);

    /** A customer's payments, by received date, then id. */
    List<Payment> findByCustomer(CustomerId customerId);

    /** One page of the payments matching the query, by received date, then id. */
    Page<Payment> search(PaymentQuery query, PageRequest page);
}

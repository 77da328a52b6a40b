package org.wispcrm.core.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;

/**
 * Persistence port for customers.
 *
 * <p>Saving follows the optimistic-lock contract shared by every repository: a customer with version 0 is
 * inserted; otherwise the stored version must equal the customer's, or the save fails with
 * {@code CONCURRENT_MODIFICATION}. The returned copy carries the new version.
 */
public interface CustomerRepository {

    /** Inserts or updates; fails with {@code DUPLICATE} if another customer has the same code. */
    Customer save(Customer customer);

    /** The customer with this id. */
    Optional<Customer> findById(CustomerId id);

    /** The customer with this code. */
    Optional<Customer> findByCode(String code);

    /** The customers with these ids that exist, in no particular order (batch lookups for billing). */
    List<Customer> findAllById(Collection<CustomerId> ids);

    /** One page of the customers matching the query, ordered by full name, then id. */
    Page<Customer> search(CustomerQuery query, PageRequest page);
}

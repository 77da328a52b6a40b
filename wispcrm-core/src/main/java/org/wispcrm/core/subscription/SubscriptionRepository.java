package org.wispcrm.core.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.SubscriptionId;

/** Persistence port for subscriptions; saving follows the optimistic-lock contract of {@code CustomerRepository}. */
public interface SubscriptionRepository {

    /** Inserts or updates. */
    Subscription save(Subscription subscription);

    /** The subscription with this id. */
    Optional<Subscription> findById(SubscriptionId id);

    /** A customer's subscriptions, ordered by id. */
    List<Subscription> findByCustomer(CustomerId customerId);

    /** The subscriptions of several customers, ordered by customer id, then id (one query for a billing chunk). */
    List<Subscription> findByCustomers(Collection<CustomerId> customerIds);

    /**
     * A keyset cursor over customers: up to {@code limit} distinct customer ids, in ascending order and greater
     * than {@code after} (all when null), that have a subscription in one of {@code statuses}. Lets a billing run
     * stream through any number of customers with constant memory.
     */
    List<CustomerId> findCustomerIdsWithStatus(Set<SubscriptionStatus> statuses, @Nullable CustomerId after, int limit);

    /** One page of the subscriptions matching the query, ordered by id. */
    Page<Subscription> search(SubscriptionQuery query, PageRequest page);
}

package org.wispcrm.core.inmemory;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionQuery;
import org.wispcrm.core.subscription.SubscriptionRepository;
import org.wispcrm.core.subscription.SubscriptionStatus;

/** Subscriptions in memory. */
final class InMemorySubscriptionRepository implements SubscriptionRepository {
    private static final Comparator<Subscription> BY_ID = Comparator.comparing(s -> s.id().value(), Ids.ORDER);
    private static final Comparator<Subscription> BY_CUSTOMER_THEN_ID = Comparator.comparing(
                    (Subscription s) -> s.customerId().value(), Ids.ORDER)
            .thenComparing(BY_ID);

    private final Table<SubscriptionId, Subscription> table;

    InMemorySubscriptionRepository(InMemoryTransactionRunner tx) {
        this.table =
                new Table<>(tx, "Subscription", Subscription::id, Subscription::version, Subscription::withVersion);
    }

    @Override
    public Subscription save(Subscription subscription) {
        return table.save(subscription);
    }

    @Override
    public Optional<Subscription> findById(SubscriptionId id) {
        return table.get(id);
    }

    @Override
    public List<Subscription> findByCustomer(CustomerId customerId) {
        return table.select(s -> s.customerId().equals(customerId), BY_ID);
    }

    @Override
    public List<Subscription> findByCustomers(Collection<CustomerId> customerIds) {
        var wanted = new HashSet<>(customerIds);
        return table.select(s -> wanted.contains(s.customerId()), BY_CUSTOMER_THEN_ID);
    }

    @Override
    public List<CustomerId> findCustomerIdsWithStatus(
            Set<SubscriptionStatus> statuses, @Nullable CustomerId after, int limit) {
        Objects.requireNonNull(statuses, "statuses");
        if (limit < 1) {
            throw WispCrmException.invalid("limit", limit, "must be at least 1");
        }
        var wanted = Set.copyOf(statuses);
        return table
                .select(
                        s -> wanted.contains(s.status())
                                && (after == null
                                        || Ids.ORDER.compare(s.customerId().value(), after.value()) > 0),
                        BY_CUSTOMER_THEN_ID)
                .stream()
                .map(Subscription::customerId)
                .distinct()
                .limit(limit)
                .toList();
    }

    @Override
    public Page<Subscription> search(SubscriptionQuery query, PageRequest page) {
        return Page.of(table.select(query::matches, BY_ID), page);
    }
}

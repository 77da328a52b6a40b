package org.wispcrm.jpa;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.subscription.Subscription;
import org.wispcrm.core.subscription.SubscriptionQuery;
import org.wispcrm.core.subscription.SubscriptionRepository;
import org.wispcrm.core.subscription.SubscriptionStatus;

/** Subscriptions in {@code subscriptions}, their plan history in {@code subscription_plans}. */
final class JpaSubscriptionRepository implements SubscriptionRepository {
    private final JpaTransactionRunner tx;

    JpaSubscriptionRepository(JpaTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public Subscription save(Subscription s) {
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    SubscriptionEntity.class,
                    s.id().value(),
                    s.version(),
                    "Subscription",
                    () -> SubscriptionEntity.of(s),
                    row -> row.copy(s));
            return s.withVersion(version);
        });
    }

    @Override
    public Optional<Subscription> findById(SubscriptionId id) {
        return tx.call(em -> Optional.ofNullable(em.find(SubscriptionEntity.class, id.value()))
                .map(SubscriptionEntity::toDomain));
    }

    @Override
    public List<Subscription> findByCustomer(CustomerId customerId) {
        return findByCustomers(List.of(customerId));
    }

    @Override
    public List<Subscription> findByCustomers(Collection<CustomerId> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        var ids = customerIds.stream().map(CustomerId::value).distinct().toList();
        List<Subscription> found = tx.call(em -> tx
                .lookUpByIndex(
                        em,
                        () -> em.createQuery(
                                        "select e from SubscriptionEntity e left join fetch e.plans where e.customerId in :ids"
                                                + " order by e.customerId, e.id",
                                        SubscriptionEntity.class)
                                .setParameter("ids", ids)
                                .setHint(HibernateHints.HINT_READ_ONLY, true)
                                .getResultList())
                .stream()
                .map(SubscriptionEntity::toDomain)
                .toList());
        // the database orders ids as Ids.ORDER does; sorting again costs little and guards a host's own dialect
        return found.stream()
                .sorted(Comparator.comparing((Subscription s) -> s.customerId().value(), Ids.ORDER)
                        .thenComparing(s -> s.id().value(), Ids.ORDER))
                .toList();
    }

    @Override
    public List<CustomerId> findCustomerIdsWithStatus(
            Set<SubscriptionStatus> statuses, @Nullable CustomerId after, int limit) {
        if (statuses.isEmpty() || limit < 1) {
            return List.of();
        }
        String jpql = "select distinct e.customerId from SubscriptionEntity e where e.status in :statuses"
                + (after == null ? "" : " and e.customerId > :after")
                + " order by e.customerId";
        return tx.call(em -> {
            var query = em.createQuery(jpql, UUID.class).setParameter("statuses", statuses);
            if (after != null) {
                query.setParameter("after", after.value());
            }
            return query.setMaxResults(limit).getResultList().stream()
                    .map(CustomerId::new)
                    .toList();
        });
    }

    @Override
    public Page<Subscription> search(SubscriptionQuery query, PageRequest page) {
        return tx.call(em -> Queries.from("SubscriptionEntity")
                .where(
                        "e.customerId = :customerId",
                        "customerId",
                        query.customerId() == null ? null : query.customerId().value())
                .where(
                        "e.currentPlanId = :planId",
                        "planId",
                        query.planId() == null ? null : query.planId().value())
                .where("e.status = :status", "status", query.status())
                .page(em, SubscriptionEntity.class, "e.id", page, SubscriptionEntity::toDomain));
    }
}

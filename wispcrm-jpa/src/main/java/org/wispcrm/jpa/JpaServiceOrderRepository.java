package org.wispcrm.jpa;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.order.ServiceOrder;
import org.wispcrm.core.order.ServiceOrderRepository;
import org.wispcrm.core.order.ServiceOrderStatus;

/** Service orders in {@code service_orders}. */
final class JpaServiceOrderRepository implements ServiceOrderRepository {
    private final JpaTransactionRunner tx;

    JpaServiceOrderRepository(JpaTransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public ServiceOrder save(ServiceOrder o) {
        return tx.call(em -> {
            long version = Versioned.save(
                    em,
                    ServiceOrderEntity.class,
                    o.id().value(),
                    o.version(),
                    "ServiceOrder",
                    () -> ServiceOrderEntity.of(o),
                    row -> row.copy(o));
            return o.withVersion(version);
        });
    }

    @Override
    public Optional<ServiceOrder> findById(ServiceOrderId id) {
        return tx.call(em -> Optional.ofNullable(em.find(ServiceOrderEntity.class, id.value()))
                .map(ServiceOrderEntity::toDomain));
    }

    @Override
    public Page<ServiceOrder> find(
            @Nullable CustomerId customerId, @Nullable ServiceOrderStatus status, PageRequest page) {
        return tx.call(em -> Queries.from("ServiceOrderEntity")
                .where("e.customerId = :customerId", "customerId", customerId == null ? null : customerId.value())
                .where("e.status = :status", "status", status)
                .page(em, ServiceOrderEntity.class, "e.id", page, ServiceOrderEntity::toDomain));
    }
}

package org.wispcrm.core.inmemory;

import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Ids;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.ServiceOrderId;
import org.wispcrm.core.order.ServiceOrder;
import org.wispcrm.core.order.ServiceOrderRepository;
import org.wispcrm.core.order.ServiceOrderStatus;

/** Service orders in memory. */
final class InMemoryServiceOrderRepository implements ServiceOrderRepository {
    private static final Comparator<ServiceOrder> BY_ID = Comparator.comparing(o -> o.id().value(), Ids.ORDER);

    private final Table<ServiceOrderId, ServiceOrder> table;

    InMemoryServiceOrderRepository(InMemoryTransactionRunner tx) {
        this.table =
                new Table<>(tx, "ServiceOrder", ServiceOrder::id, ServiceOrder::version, ServiceOrder::withVersion);
    }

    @Override
    public ServiceOrder save(ServiceOrder order) {
        return table.save(order);
    }

    @Override
    public Optional<ServiceOrder> findById(ServiceOrderId id) {
        return table.get(id);
    }

    @Override
    public Page<ServiceOrder> find(
            @Nullable CustomerId customerId, @Nullable ServiceOrderStatus status, PageRequest page) {
        return Page.of(
                table.select(
                        o -> (customerId == null || customerId.equals(o.customerId()))
                                && (status == null || status == o.status()),
                        BY_ID),
                page);
    }
}

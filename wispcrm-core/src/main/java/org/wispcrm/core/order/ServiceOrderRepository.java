package org.wispcrm.core.order;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;
import org.wispcrm.core.common.ServiceOrderId;

/** Persistence port for service orders; saving follows the optimistic-lock contract of {@code CustomerRepository}. */
public interface ServiceOrderRepository {

    /** Inserts or updates. */
    ServiceOrder save(ServiceOrder order);

    /** The order with this id. */
    Optional<ServiceOrder> findById(ServiceOrderId id);

    /**
     * One page of orders, optionally only one customer's and/or one status, ordered by id (creation time).
     *
     * @param customerId only this customer's orders, or all when null
     * @param status only orders in this status, or all when null
     */
    Page<ServiceOrder> find(@Nullable CustomerId customerId, @Nullable ServiceOrderStatus status, PageRequest page);
}

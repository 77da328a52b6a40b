package org.wispcrm.core.order;

import java.util.Objects;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.SubscriptionId;

/**
 * What a clerk enters to open a service order.
 *
 * @param customerId the customer; must exist
 * @param subscriptionId the subscription concerned; required for an installation, which it must be waiting for
 * @param kind what is to be done
 * @param description what the customer or clerk asked for
 * @param fee amount charged to the customer once the order is completed, or null for none
 */
public record OpenServiceOrder(
        CustomerId customerId,
        @Nullable SubscriptionId subscriptionId,
        ServiceOrderKind kind,
        String description,
        @Nullable MonetaryAmount fee) {

    /** Rejects a missing customer or kind; the rest is checked by the use case. */
    public OpenServiceOrder {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
    }

    /** An installation order for a subscription waiting to be installed. */
    public static OpenServiceOrder installation(
            CustomerId customerId, SubscriptionId subscriptionId, String description, @Nullable MonetaryAmount fee) {
        return new OpenServiceOrder(customerId, subscriptionId, ServiceOrderKind.INSTALLATION, description, fee);
    }
}

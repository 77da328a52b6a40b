package org.wispcrm.core.customer;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.subscription.Subscription;

/**
 * The outcome of a registration: the saved customer and, if one was sold with it, the saved subscription
 * (waiting for its installation order).
 *
 * @param customer the saved customer
 * @param firstSubscription the saved subscription, or null
 */
public record RegisteredCustomer(
        Customer customer, @Nullable Subscription firstSubscription) {

    /** Rejects a missing customer. */
    public RegisteredCustomer {
        Objects.requireNonNull(customer, "customer");
    }

    /** The subscription sold with the registration, if any. */
    public Optional<Subscription> subscription() {
        return Optional.ofNullable(firstSubscription);
    }
}

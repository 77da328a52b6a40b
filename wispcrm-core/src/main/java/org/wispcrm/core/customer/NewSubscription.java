package org.wispcrm.core.customer;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Address;
import org.wispcrm.core.common.PlanId;
import org.wispcrm.core.subscription.Discount;
import org.wispcrm.core.subscription.NetworkIdentity;

/**
 * What a clerk enters to sell a subscription: the plan, where the service goes and the terms agreed.
 *
 * @param planId the plan; it must exist and be active
 * @param serviceAddress where the service is installed, or null for the customer's own address
 * @param billingDay the billing day agreed at sale (1 to 28, checked by the use case so that it is reported with
 *     the other bad fields), or null to take it from the installation date
 * @param network router identity, if already known
 * @param discount recurring discount, if any
 */
public record NewSubscription(
        PlanId planId,
        @Nullable Address serviceAddress,
        @Nullable Integer billingDay,
        @Nullable NetworkIdentity network,
        @Nullable Discount discount) {

    /** Rejects a missing plan. */
    public NewSubscription {
        Objects.requireNonNull(planId, "planId");
    }

    /** A subscription on a plan at the customer's address, billed from its installation date. */
    public static NewSubscription onPlan(PlanId planId) {
        return new NewSubscription(planId, null, null, null, null);
    }

    /** The same subscription installed at another address. */
    public NewSubscription at(Address address) {
        return new NewSubscription(planId, address, billingDay, network, discount);
    }

    /** The same subscription with a billing day agreed at sale. */
    public NewSubscription withBillingDay(int day) {
        return new NewSubscription(planId, serviceAddress, day, network, discount);
    }

    /** The same subscription with a known router identity. */
    public NewSubscription withNetwork(NetworkIdentity identity) {
        return new NewSubscription(planId, serviceAddress, billingDay, identity, discount);
    }

    /** The same subscription with a recurring discount. */
    public NewSubscription withDiscount(Discount newDiscount) {
        return new NewSubscription(planId, serviceAddress, billingDay, network, newDiscount);
    }
}

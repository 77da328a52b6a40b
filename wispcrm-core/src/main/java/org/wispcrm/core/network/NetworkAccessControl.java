package org.wispcrm.core.network;

import org.wispcrm.core.subscription.Subscription;

/**
 * Cuts and restores service at the ISP's router (MikroTik address lists, RADIUS, a PPPoE server…). Optional: the
 * default, {@link LoggingNetworkAccessControl}, only logs, for ISPs that cut service by hand.
 *
 * <p>Implementations must be idempotent: suspending a suspended subscription does nothing.
 */
public interface NetworkAccessControl {

    /** Blocks the subscription's traffic. */
    void suspend(Subscription subscription);

    /** Lets the subscription's traffic through again. */
    void restore(Subscription subscription);
}

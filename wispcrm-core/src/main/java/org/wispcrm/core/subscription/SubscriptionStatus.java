package org.wispcrm.core.subscription;

/**
 * A subscription's workflow: {@code PENDING_INSTALL -> ACTIVE <-> SUSPENDED}, and any of those to
 * {@code CANCELLED}, which is final.
 */
public enum SubscriptionStatus {
    /** Sold, waiting for the installation order to complete. */
    PENDING_INSTALL,
    /** In service and billed. */
    ACTIVE,
    /** Service cut at the router; billed or not per billing policy. */
    SUSPENDED,
    /** Ended; kept for history. */
    CANCELLED
}

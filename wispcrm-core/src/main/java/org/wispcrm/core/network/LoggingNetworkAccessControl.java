package org.wispcrm.core.network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wispcrm.core.subscription.Subscription;

/** The default {@link NetworkAccessControl}: logs what an operator should do at the router, and nothing else. */
public final class LoggingNetworkAccessControl implements NetworkAccessControl {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingNetworkAccessControl.class);

    @Override
    public void suspend(Subscription subscription) {
        LOG.info(
                "Suspend service at the router: subscription={} network={}", subscription.id(), subscription.network());
    }

    @Override
    public void restore(Subscription subscription) {
        LOG.info(
                "Restore service at the router: subscription={} network={}", subscription.id(), subscription.network());
    }
}

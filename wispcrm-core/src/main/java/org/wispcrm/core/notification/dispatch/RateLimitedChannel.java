package org.wispcrm.core.notification.dispatch;

import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/** A channel whose sends wait for a {@link RateLimiter} slot. */
final class RateLimitedChannel implements NotificationChannel {
    private final NotificationChannel delegate;
    private final RateLimiter limiter;

    RateLimitedChannel(NotificationChannel delegate, double permitsPerSecond) {
        this.delegate = delegate;
        this.limiter = new RateLimiter(permitsPerSecond);
    }

    @Override
    public ChannelName name() {
        return delegate.name();
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return delegate.canReach(recipient);
    }

    @Override
    public DeliveryReceipt send(OutgoingMessage message) {
        limiter.acquire();
        return delegate.send(message);
    }
}

package org.wispcrm.core.notification;

/**
 * A way to reach customers (WhatsApp, email, or a host's own channel such as SMS). Implementations must be
 * thread-safe: the dispatcher calls them from several workers.
 */
public interface NotificationChannel {

    /** The channel's name, as used in customers' notification preferences. */
    ChannelName name();

    /** Whether the recipient has the address this channel needs (a phone for WhatsApp, an email for email). */
    boolean canReach(Recipient recipient);

    /**
     * Sends the message.
     *
     * @return the provider's receipt
     * @throws ChannelException if the provider did not accept it, saying whether a retry may help
     */
    DeliveryReceipt send(OutgoingMessage message);
}

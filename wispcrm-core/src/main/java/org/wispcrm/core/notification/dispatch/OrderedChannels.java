package org.wispcrm.core.notification.dispatch;

import java.util.List;
import org.wispcrm.core.notification.ChannelException;
import org.wispcrm.core.notification.ChannelName;
import org.wispcrm.core.notification.DeliveryReceipt;
import org.wispcrm.core.notification.NotificationChannel;
import org.wispcrm.core.notification.OutgoingMessage;
import org.wispcrm.core.notification.Recipient;

/**
 * Several channels in a customer's order of preference behind one {@link NotificationChannel}: a message goes to
 * the first channel that can reach the recipient (has their phone, or their email). A channel that fails is not
 * skipped for the next one: the outbox retries it, so a customer is never messaged twice on two channels.
 */
public final class OrderedChannels implements NotificationChannel {
    private static final ChannelName NAME = new ChannelName("preferred");

    private final List<NotificationChannel> inOrder;

    /** The channels, most preferred first. */
    public OrderedChannels(List<NotificationChannel> inOrder) {
        this.inOrder = List.copyOf(inOrder);
    }

    @Override
    public ChannelName name() {
        return NAME;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return inOrder.stream().anyMatch(channel -> channel.canReach(recipient));
    }

    /** Sends through the first channel that can reach the recipient; the receipt names that channel. */
    @Override
    public DeliveryReceipt send(OutgoingMessage message) {
        for (NotificationChannel channel : inOrder) {
            if (channel.canReach(message.recipient())) {
                return channel.send(message);
            }
        }
        throw ChannelException.permanent(
                "No preferred channel can reach the customer (channels tried: " + names() + ")", null);
    }

    private String names() {
        return inOrder.stream().map(c -> c.name().value()).toList().toString();
    }
}

package org.wispcrm.core.customer;

import java.util.HashSet;
import java.util.List;
import org.wispcrm.core.common.WispCrmException;
import org.wispcrm.core.notification.ChannelName;

/**
 * The channels a customer wants to be reached on, most preferred first. Messages go to the first channel for
 * which the customer has a recipient address; the rest are the fallback. An empty list means "do not notify".
 *
 * @param channels channels in order of preference, without repeats
 */
public record NotificationPreferences(List<ChannelName> channels) {

    /** Copies the list and rejects repeated channels. */
    public NotificationPreferences {
        channels = List.copyOf(channels);
        if (new HashSet<>(channels).size() != channels.size()) {
            throw WispCrmException.invalid("notificationPreferences", channels, "must not repeat a channel");
        }
    }

    /** WhatsApp first, email as fallback: what most WISP customers answer. */
    public static NotificationPreferences defaults() {
        return new NotificationPreferences(List.of(ChannelName.WHATSAPP, ChannelName.EMAIL));
    }

    /** Preferences in the given order. */
    public static NotificationPreferences of(ChannelName... channels) {
        return new NotificationPreferences(List.of(channels));
    }

    /** No notifications at all. */
    public static NotificationPreferences none() {
        return new NotificationPreferences(List.of());
    }
}

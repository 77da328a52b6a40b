package org.wispcrm.core.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's acceptance of a message.
 *
 * @param channel the channel that sent it
 * @param providerMessageId the provider's id for it (UltraMsg id, SES message id, SMTP Message-ID)
 * @param acceptedAt when the provider accepted it
 */
public record DeliveryReceipt(ChannelName channel, String providerMessageId, Instant acceptedAt) {
    /** Rejects missing parts. */
    public DeliveryReceipt {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}

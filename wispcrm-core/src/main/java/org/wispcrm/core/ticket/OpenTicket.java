package org.wispcrm.core.ticket;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.CustomerId;
import org.wispcrm.core.common.SubscriptionId;

/**
 * What a clerk (or the customer, through the host's portal) enters to open a ticket.
 *
 * @param customerId who asks; must exist
 * @param subscriptionId the service concerned, if any; must be the customer's
 * @param subject one-line summary
 * @param description what the customer reported
 * @param priority urgency, or null for {@link TicketPriority#NORMAL}
 */
public record OpenTicket(
        CustomerId customerId,
        @Nullable SubscriptionId subscriptionId,
        String subject,
        String description,
        @Nullable TicketPriority priority) {

    /** Rejects a missing customer; the texts are checked by the use case. */
    public OpenTicket {
        Objects.requireNonNull(customerId, "customerId");
    }

    /** A ticket of normal priority about no particular subscription. */
    public static OpenTicket of(CustomerId customerId, String subject, String description) {
        return new OpenTicket(customerId, null, subject, description, null);
    }
}

package org.wispcrm.core.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * A ticket's workflow. {@code OPEN -> IN_PROGRESS <-> WAITING_ON_CUSTOMER -> RESOLVED -> CLOSED}; a resolved
 * ticket may be reopened to {@code IN_PROGRESS}; {@code CLOSED} is final.
 */
public enum TicketStatus {
    /** New, nobody working on it yet. */
    OPEN,
    /** Someone is working on it. */
    IN_PROGRESS,
    /** Waiting for the customer's answer. */
    WAITING_ON_CUSTOMER,
    /** Fixed; the customer may still object. */
    RESOLVED,
    /** Done for good. */
    CLOSED;

    /** The statuses a ticket may move to from this one. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }
}

package org.wispcrm.core.ticket;

/** How urgent a ticket is. */
public enum TicketPriority {
    /** Can wait. */
    LOW,
    /** The default. */
    NORMAL,
    /** Service degraded. */
    HIGH,
    /** Service down. */
    URGENT
}
